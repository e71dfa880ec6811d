-- A DO block whose closing $$ was forgotten runs to the end of the file.
SELECT 1 AS complete;
DO $$
BEGIN
    RAISE NOTICE 'never closed; %', 1;
END;
