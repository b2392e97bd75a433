-- Synthetic data for bench/sector-analytics/run.sh (the same set as bench/attack's long-series.sql),
-- added on top of the imported seed data as a data version of its own: one project with a
-- 20,000-day daily price series, so that "every price of a sector" is a large read. Made on
-- the script's private cluster at every run, never in seed-data or the default database.
-- Every row says it is synthetic: the slug, the names, the source's publisher and title, every
-- quote. Values are deterministic (no random()).
-- The first day's quote starts with "=": a formula-injection probe for the CSV output.

INSERT INTO data_versions (id, summary, source_dir)
-- The summary has the importer's shape (per table: added, changed, removed, unchanged).
SELECT max(id) + 1, '{"projects": {"added": 1, "changed": 0, "removed": 0, "unchanged": 0},
                      "sources": {"added": 1, "changed": 0, "removed": 0, "unchanged": 0},
                      "token_prices": {"added": 20000, "changed": 0, "removed": 0, "unchanged": 0}}',
       'synthetic long price series added by bench/attack (not real data)'
FROM data_versions;

INSERT INTO source_keys (id) VALUES ('synthetic-attack-campaign');
INSERT INTO sources (id, publisher, title, published_on, published_label, kind, seed_file, url, valid_from)
SELECT 'synthetic-attack-campaign', 'Synthetic benchmark data',
       'SYNTHETIC long price series generated for the attack campaign; these are not real figures',
       DATE '2026-01-01', 'synthetic, generated for the attack campaign',
       -- The schema has no "synthetic" kind; the publisher, title and every quote say it.
       'third_party_estimate', 'synthetic', NULL, max(id)
FROM data_versions;

INSERT INTO project_keys (slug) VALUES ('synthetic-long-series');
INSERT INTO projects (slug, name, sector, sub_track, token_symbol, chain, website, description, valid_from)
SELECT 'synthetic-long-series', 'Synthetic Long Series', 'compute', 'Synthetic', 'SYNLONG', 'Synthetic', NULL,
       'SYNTHETIC project generated for the attack campaign; not a real network.', max(id)
FROM data_versions;

INSERT INTO token_prices (id, project, token_symbol, date, price_usd, change_30d, change_90d, change_1y, qualifier, source, quote, valid_from)
SELECT 'synthetic-long-series-' || to_char(d, 'YYYY-MM-DD') || '-price', 'synthetic-long-series', 'SYNLONG', d,
       round((2 + sin((d - DATE '2000-01-01') / 30.0))::numeric, 6), NULL, NULL, NULL, NULL, 'synthetic-attack-campaign',
       CASE WHEN d = DATE '2025-12-31' - 19999
            THEN '=HYPERLINK("https://example.invalid","SYNTHETIC formula probe")'
            ELSE 'SYNTHETIC figure generated for the attack campaign; not a real figure.' END,
       (SELECT max(id) FROM data_versions)
FROM generate_series(DATE '2025-12-31' - 19999, DATE '2025-12-31', INTERVAL '1 day') AS g(ts)
CROSS JOIN LATERAL (SELECT g.ts::date AS d) AS day;
