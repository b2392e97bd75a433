-- Evidence: what a source says about how a project's token captures value, where the source
-- gives no figure ("funded entirely by token incentives", "usage leads to more token burns").
-- Each row is one claim, read into a label of a fixed vocabulary per kind, with the sentence it
-- comes from. The screening scores read these rows; versioned like every other figure table.

CREATE TABLE evidence (
    row_id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text    NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    project      text    NOT NULL REFERENCES project_keys (slug),
    kind         text    NOT NULL CHECK (kind IN ('reward_funding', 'burn_linkage', 'external_demand', 'revenue_trend')),
    label        text    NOT NULL,
    period       text    NOT NULL CHECK (period <> ''),
    period_start date    NOT NULL,
    period_end   date    NOT NULL CHECK (period_end >= period_start),
    basis        text    NOT NULL CHECK (basis IN ('disclosed', 'estimate')),
    source       text    NOT NULL REFERENCES source_keys (id),
    quote        text    NOT NULL CHECK (quote <> ''),
    valid_from   integer NOT NULL REFERENCES data_versions (id),
    valid_to     integer REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    -- Each kind has its own labels; a label of another kind would be scored by the wrong table.
    CHECK ((kind = 'reward_funding' AND label IN ('usage_funded', 'partly_usage_funded', 'emission_funded'))
        OR (kind = 'burn_linkage' AND label IN ('burn_and_mint', 'usage_burns', 'no_usage_burn'))
        OR (kind = 'external_demand' AND label IN ('independent_of_token', 'paid_usage', 'recursive'))
        OR (kind = 'revenue_trend' AND label IN ('growing')))
);
CREATE UNIQUE INDEX evidence_current_key ON evidence (id) WHERE valid_to IS NULL;
CREATE INDEX evidence_history ON evidence (id, valid_from);
CREATE INDEX evidence_current_by_project ON evidence (project, kind) WHERE valid_to IS NULL;
CREATE INDEX evidence_by_source ON evidence (source);
