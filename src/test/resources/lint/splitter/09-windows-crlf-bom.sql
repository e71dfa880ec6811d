-- Written on Windows: CRLF line ends and a byte-order mark.
CREATE TABLE IF NOT EXISTS notes (
    id serial PRIMARY KEY,
    body text NOT NULL DEFAULT 'line one
line two'
);

INSERT INTO notes (body) VALUES ('semi;colon'), (E'tab\there');
CREATE FUNCTION note_length(n notes) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN length(n.body); -- counts CRs too
END;
$$;
SELECT note_length(n) FROM notes AS n
;
