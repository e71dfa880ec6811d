-- expect: unique-constraint 6:1
-- expect: constraint-not-valid 7:1
-- expect: constraint-not-valid 8:1
-- expect: drop-not-null 9:54
-- golang-migrate 000007: columns added with inline UNIQUE, REFERENCES and CHECK constraints.
ALTER TABLE users ADD COLUMN referral_code varchar(16) UNIQUE;
ALTER TABLE users ADD COLUMN org_id bigint REFERENCES orgs (id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN score integer CHECK (score BETWEEN 0 AND 100);
ALTER TABLE users ADD COLUMN IF NOT EXISTS bio text; ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
