-- The last statement has no semicolon; psql sends it at the end of the file.
CREATE TABLE IF NOT EXISTS tail_check (id int);
SELECT count(*) FROM tail_check
-- and a comment after it
