-- Core read model: sources, projects and every kind of figure, each row versioned.
--
-- Rows are never updated in place by an import. A row is visible in data version v when
--   valid_from <= v AND (valid_to IS NULL OR valid_to > v)
-- so any past state of the data can be served again, and every change can be listed
-- (rows with valid_from = v were added or changed in v; rows with valid_to = v were
-- removed or replaced in v).

CREATE TABLE data_versions (
    id          integer     PRIMARY KEY CHECK (id > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- what the import changed, per table: {"revenue": {"added": 1, "changed": 0, ...}, ...}
    summary     jsonb       NOT NULL,
    source_dir  text        NOT NULL
);

-- Identity tables: a slug or source id, once seen, is never removed, so figures can
-- reference it with a real foreign key while its attributes stay versioned.
CREATE TABLE project_keys (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE TABLE source_keys (
    id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

CREATE TABLE sources (
    row_id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              text    NOT NULL REFERENCES source_keys (id),
    publisher       text    NOT NULL CHECK (publisher <> ''),
    title           text    NOT NULL CHECK (title <> ''),
    published_on    date,
    published_label text    NOT NULL CHECK (published_label <> ''),
    kind            text    NOT NULL CHECK (kind IN ('disclosure', 'third_party_estimate', 'press')),
    seed_file       text    NOT NULL CHECK (seed_file <> ''),
    url             text,
    valid_from      integer NOT NULL REFERENCES data_versions (id),
    valid_to        integer REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX sources_current_key ON sources (id) WHERE valid_to IS NULL;
CREATE INDEX sources_history ON sources (id, valid_from);

CREATE TABLE projects (
    row_id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         text    NOT NULL REFERENCES project_keys (slug),
    name         text    NOT NULL CHECK (name <> ''),
    sector       text    NOT NULL CHECK (sector IN ('wireless', 'compute', 'storage', 'mapping', 'sensors', 'energy', 'bandwidth')),
    sub_track    text    NOT NULL CHECK (sub_track <> ''),
    token_symbol text    NOT NULL CHECK (token_symbol ~ '^[A-Z0-9]{1,12}$'),
    chain        text,
    website      text,
    description  text    NOT NULL CHECK (description <> ''),
    valid_from   integer NOT NULL REFERENCES data_versions (id),
    valid_to     integer REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX projects_current_key ON projects (slug) WHERE valid_to IS NULL;
CREATE INDEX projects_history ON projects (slug, valid_from);
CREATE INDEX projects_current_sector ON projects (sector) WHERE valid_to IS NULL;

CREATE TABLE revenue_figures (
    row_id      bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text          NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    project     text          NOT NULL REFERENCES project_keys (slug),
    year        smallint      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter     smallint      NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    metric      text          NOT NULL CHECK (metric IN ('quarterly_revenue', 'annualized_run_rate',
                                  'annualized_external_revenue', 'annualized_onchain_revenue',
                                  'fiscal_year_revenue', 'lease_income', 'network_fee_revenue', 'monthly_volume')),
    amount_usd  numeric(20,2) NOT NULL CHECK (amount_usd >= 0),
    basis       text          NOT NULL CHECK (basis IN ('disclosed', 'estimate')),
    qualifier   text          CHECK (qualifier IN ('about', 'nearly', 'over', 'under', 'up_to')),
    source      text          NOT NULL REFERENCES source_keys (id),
    quote       text          NOT NULL CHECK (quote <> ''),
    valid_from  integer       NOT NULL REFERENCES data_versions (id),
    valid_to    integer       REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX revenue_current_key ON revenue_figures (id) WHERE valid_to IS NULL;
CREATE INDEX revenue_history ON revenue_figures (id, valid_from);
CREATE INDEX revenue_current_by_project ON revenue_figures (project, year, quarter, metric) WHERE valid_to IS NULL;
CREATE INDEX revenue_current_by_quarter ON revenue_figures (year, quarter, metric) WHERE valid_to IS NULL;
CREATE INDEX revenue_by_source ON revenue_figures (source);

CREATE TABLE settlement_mix (
    row_id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               text         NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    project          text         NOT NULL REFERENCES project_keys (slug),
    as_of            date         NOT NULL,
    stablecoin_share numeric(6,5) CHECK (stablecoin_share BETWEEN 0 AND 1),
    native_share     numeric(6,5) CHECK (native_share BETWEEN 0 AND 1),
    label            text         CHECK (label IN ('mainly_native', 'mainly_stablecoin')),
    basis            text         NOT NULL CHECK (basis IN ('disclosed', 'estimate')),
    qualifier        text         CHECK (qualifier IN ('about', 'nearly', 'over', 'under', 'up_to')),
    source           text         NOT NULL REFERENCES source_keys (id),
    quote            text         NOT NULL CHECK (quote <> ''),
    valid_from       integer      NOT NULL REFERENCES data_versions (id),
    valid_to         integer      REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (coalesce(stablecoin_share, 0) + coalesce(native_share, 0) <= 1),
    CHECK (stablecoin_share IS NOT NULL OR native_share IS NOT NULL OR label IS NOT NULL)
);
CREATE UNIQUE INDEX settlement_current_key ON settlement_mix (id) WHERE valid_to IS NULL;
CREATE INDEX settlement_history ON settlement_mix (id, valid_from);
CREATE INDEX settlement_current_by_project ON settlement_mix (project, as_of) WHERE valid_to IS NULL;
CREATE INDEX settlement_by_source ON settlement_mix (source);

CREATE TABLE token_prices (
    row_id       bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text          NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    project      text          NOT NULL REFERENCES project_keys (slug),
    token_symbol text          NOT NULL CHECK (token_symbol ~ '^[A-Z0-9]{1,12}$'),
    date         date          NOT NULL,
    price_usd    numeric(30,12) NOT NULL CHECK (price_usd >= 0),
    change_30d   numeric(12,6) CHECK (change_30d >= -1),
    change_90d   numeric(12,6) CHECK (change_90d >= -1),
    change_1y    numeric(12,6) CHECK (change_1y >= -1),
    source       text          NOT NULL REFERENCES source_keys (id),
    quote        text          NOT NULL CHECK (quote <> ''),
    valid_from   integer       NOT NULL REFERENCES data_versions (id),
    valid_to     integer       REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX token_prices_current_key ON token_prices (id) WHERE valid_to IS NULL;
CREATE INDEX token_prices_history ON token_prices (id, valid_from);
CREATE INDEX token_prices_current_by_project ON token_prices (project, date) WHERE valid_to IS NULL;
CREATE INDEX token_prices_current_by_date ON token_prices (date) WHERE valid_to IS NULL;
CREATE INDEX token_prices_by_source ON token_prices (source);

CREATE TABLE network_metrics (
    row_id       bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text     NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    project      text     NOT NULL REFERENCES project_keys (slug),
    period       text     NOT NULL CHECK (period <> ''),
    period_start date     NOT NULL,
    period_end   date     NOT NULL CHECK (period_end >= period_start),
    metric       text     NOT NULL CHECK (metric ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
    value        numeric  NOT NULL,
    value_max    numeric  CHECK (value_max >= value),
    unit         text     NOT NULL CHECK (unit IN ('count', 'fraction', 'usd', 'tokens', 'hours', 'gpus')),
    basis        text     NOT NULL CHECK (basis IN ('disclosed', 'estimate')),
    qualifier    text     CHECK (qualifier IN ('about', 'nearly', 'over', 'under', 'up_to', 'range')),
    source       text     NOT NULL REFERENCES source_keys (id),
    quote        text     NOT NULL CHECK (quote <> ''),
    valid_from   integer  NOT NULL REFERENCES data_versions (id),
    valid_to     integer  REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((qualifier IS NOT DISTINCT FROM 'range') = (value_max IS NOT NULL))
);
CREATE UNIQUE INDEX network_metrics_current_key ON network_metrics (id) WHERE valid_to IS NULL;
CREATE INDEX network_metrics_history ON network_metrics (id, valid_from);
CREATE INDEX network_metrics_current_by_project ON network_metrics (project, metric, period_end) WHERE valid_to IS NULL;
CREATE INDEX network_metrics_by_source ON network_metrics (source);

CREATE TABLE sector_figures (
    row_id       bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text     NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    scope        text     NOT NULL CHECK (scope IN ('depin', 'depin_compute')),
    period       text     NOT NULL CHECK (period <> ''),
    period_start date     NOT NULL,
    period_end   date     NOT NULL CHECK (period_end >= period_start),
    metric       text     NOT NULL CHECK (metric ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
    value        numeric  NOT NULL,
    value_max    numeric  CHECK (value_max >= value),
    unit         text     NOT NULL CHECK (unit IN ('count', 'fraction', 'usd', 'tokens', 'hours', 'gpus')),
    basis        text     NOT NULL CHECK (basis IN ('disclosed', 'estimate')),
    qualifier    text     CHECK (qualifier IN ('about', 'nearly', 'over', 'under', 'up_to', 'range')),
    source       text     NOT NULL REFERENCES source_keys (id),
    quote        text     NOT NULL CHECK (quote <> ''),
    valid_from   integer  NOT NULL REFERENCES data_versions (id),
    valid_to     integer  REFERENCES data_versions (id),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((qualifier IS NOT DISTINCT FROM 'range') = (value_max IS NOT NULL))
);
CREATE UNIQUE INDEX sector_figures_current_key ON sector_figures (id) WHERE valid_to IS NULL;
CREATE INDEX sector_figures_history ON sector_figures (id, valid_from);
CREATE INDEX sector_figures_current_by_metric ON sector_figures (scope, metric, period_end) WHERE valid_to IS NULL;
CREATE INDEX sector_figures_by_source ON sector_figures (source);
