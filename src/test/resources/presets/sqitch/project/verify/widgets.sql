SELECT id FROM widgets WHERE false;
