-- Strings continued over a carriage return, and over a line feed, as psql reads them.
SELECT E'a' -- a comment, then a lone CR  '\'; b' AS continued_escape_string;
SELECT E'a'
'\'; b' AS continued_on_the_next_line;
SELECT E'a'


 '\'; b' AS after_empty_lines;
SELECT E'a'
'\'; SELECT 'not continued over a line feed' AS plain;
SELECT 'x'
'y' AS crlf_is_not_a_continuation_for_psql;
