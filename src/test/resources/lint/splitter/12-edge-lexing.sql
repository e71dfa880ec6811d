-- Lexical corner cases; some are errors for the server, none for the splitter.
SELECT 'C:\' AS standard_string, E'it\'s' AS escaped, e'\\' AS backslash;
SELECT U&'d\0061t\+000061; ok' AS unicode, "col;""x" FROM (SELECT 1 AS U&"col;""x") AS t;
SELECT B'1010', X'1F', N'national; text';
SELECT $1;
PREPARE find_order(bigint) AS SELECT id FROM orders WHERE id = $1;
SELECT 1 AS a$b, 2 AS "$x$", 3 AS foo$$;
SELECT /* outer /* inner; */ still; */ 1;
SELECT E'a'
'\'; SELECT 'next' AS after_a_line_feed;
SELECT ((1;
2));
SELECT 1 $$ a dollar quote after a number; $$;
SELECT 1e'\'; SELECT 0x1F'\', 1.5e'\', $1e'\';
SELECT u&x;
SELECT $tag$ $$; $tag$ AS different_tags;
SELECT 1 -- trailing comment; with a semicolon
;
;
/* a statement of only a comment */ ;
