-- expect: unique-constraint 9:1
-- expect: index-without-concurrently 11:1
-- expect: constraint-not-valid 13:1
-- expect: not-analysed 15:1
-- A hand-written SQL migration that copies structure.sql's DDL (pg_dump style: ALTER TABLE ONLY,
-- schema-qualified names, USING btree) onto tables that already exist and hold rows.
SET statement_timeout = 0;
SET lock_timeout = 0;
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX index_users_on_email ON public.users USING btree (email);
ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
ALTER TABLE ONLY public.posts
    ADD CONSTRAINT fk_rails_5b5ddfd518 FOREIGN KEY (user_id) REFERENCES public.users(id);
ALTER TABLE public.users OWNER TO rails;
