-- Slug aliases: a project's former slugs, so that URLs published with an old slug keep working
-- (the API answers 308 with the new URL). Versioned like every figure table: an alias added or
-- dropped by an import is visible from that data version on, and asOf serves the old state.

CREATE TABLE project_slug_aliases (
    row_id     bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alias      text    NOT NULL CHECK (alias ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    slug       text    NOT NULL REFERENCES project_keys (slug),
    valid_from integer NOT NULL REFERENCES data_versions (id),
    valid_to   integer REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (alias <> slug)
);
CREATE UNIQUE INDEX project_slug_aliases_current_key ON project_slug_aliases (alias) WHERE valid_to IS NULL;
CREATE INDEX project_slug_aliases_history ON project_slug_aliases (alias, valid_from);
