\echo 'Seeding reference data'
\set QUIET on
\pset pager off
\timing off
SELECT current_database() AS db \gset
\echo connected to :db
\connect
CREATE TABLE IF NOT EXISTS countries (code char(2) PRIMARY KEY, name text NOT NULL);
INSERT INTO countries VALUES ('FR', 'France'), ('CI', 'Côte d''Ivoire')
    ON CONFLICT (code) DO NOTHING;
\echo done
