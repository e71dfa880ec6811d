-- expect-allowed: index-without-concurrently 7:1
-- expect-allowed: not-analysed 9:1
-- expect-allowed: drop-not-null 11:1
-- expect-allowed: table-rewrite 13:1
-- Flyway V8: findings acknowledged with a reason on the line before the statement.
-- syncgen:allow index-without-concurrently feature_flags holds 40 rows
CREATE INDEX feature_flags_name_idx ON public.feature_flags (name);
-- syncgen:allow not-analysed ownership change only
ALTER TABLE public.feature_flags OWNER TO app_owner;
-- syncgen:allow drop-not-null every reader handles NULL since release 41
ALTER TABLE public.feature_flags ALTER COLUMN description DROP NOT NULL;
  -- syncgen:allow table-rewrite feature_flags holds 40 rows
ALTER TABLE public.feature_flags ADD COLUMN uid uuid DEFAULT gen_random_uuid() NOT NULL;
