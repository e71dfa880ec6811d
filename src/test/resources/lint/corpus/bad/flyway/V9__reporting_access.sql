-- phase: contract
-- expect: not-analysed 8:1
-- expect: not-analysed 9:1
-- expect: not-analysed 10:1
-- expect: not-analysed 11:1
-- expect: not-analysed 12:1
-- Flyway V9, a contract migration of statements syncgen does not analyse (GRANT is known).
ALTER TABLE public.reports OWNER TO reporting;
ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_tenant ON public.reports USING (tenant_id = current_setting('app.tenant_id')::bigint);
TRUNCATE TABLE public.report_cache;
REFRESH MATERIALIZED VIEW public.monthly_totals;
GRANT SELECT ON public.reports TO analyst;
