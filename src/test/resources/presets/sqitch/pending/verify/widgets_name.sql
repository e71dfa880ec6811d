SELECT name FROM widgets WHERE false;
