-- The role the web server works as: it may read every table and change nothing.
--
-- A role belongs to the whole cluster while grants belong to one database, so several
-- databases of one cluster (replicas' shared server, test databases) share the role: it is
-- created by whichever migration comes first, and a concurrent creator is not an error.
-- The server logs in as a member of it, or switches each session to it (see ReaderRole.cs).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'depin_reader') THEN
        BEGIN
            CREATE ROLE depin_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
END $$;

-- PostgreSQL 15 and later already keep everyone but the owner from creating objects in
-- public; earlier versions let every role do so.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO depin_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO depin_reader;
-- Tables that later migrations create (as the same owner) are readable at once.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO depin_reader;
