-- Indexes for reading a past version's series and the change log.
--
-- A past version (`asOf`) is read through validity ranges, so the partial "current" indexes of
-- 0001 do not apply, and the valid_from indexes of 0003 select every row of the version, not one
-- owner's. On a catalogue of a thousand projects a past version's revenue list scanned the whole
-- table once per project. Each index below is one owner's series in the order it is listed
-- (ReadModel/FigureSql.cs), as 0003's token_prices_series_history is; validity is checked on the
-- rows it finds. The revenue index also answers the look-back of a series in other units (the
-- same project, metric, year and quarter) in a past version.

CREATE INDEX revenue_series_history ON revenue_figures (project, year, quarter, metric, id);
CREATE INDEX settlement_series_history ON settlement_mix (project, as_of, id);
CREATE INDEX network_metrics_series_history ON network_metrics (project, metric, period_end, id);
CREATE INDEX sector_figures_series_history ON sector_figures (scope, metric, period_end, id);

-- The change log (/v1/changes) reads the rows a version added (valid_from) or ended (valid_to) in
-- (version, key) order, a page at a time: the key in the index lets a page stop after its rows
-- rather than sort every row of a version that added millions. These replace 0003's one-column
-- indexes, which they also serve.
DROP INDEX sources_valid_from, sources_valid_to, projects_valid_from, projects_valid_to,
    revenue_valid_from, revenue_valid_to, settlement_valid_from, settlement_valid_to,
    token_prices_valid_from, token_prices_valid_to, network_metrics_valid_from, network_metrics_valid_to,
    sector_figures_valid_from, sector_figures_valid_to;
CREATE INDEX sources_added ON sources (valid_from, id);
CREATE INDEX sources_ended ON sources (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX projects_added ON projects (valid_from, slug);
CREATE INDEX projects_ended ON projects (valid_to, slug) WHERE valid_to IS NOT NULL;
CREATE INDEX revenue_added ON revenue_figures (valid_from, id);
CREATE INDEX revenue_ended ON revenue_figures (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX settlement_added ON settlement_mix (valid_from, id);
CREATE INDEX settlement_ended ON settlement_mix (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX token_prices_added ON token_prices (valid_from, id);
CREATE INDEX token_prices_ended ON token_prices (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX network_metrics_added ON network_metrics (valid_from, id);
CREATE INDEX network_metrics_ended ON network_metrics (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX sector_figures_added ON sector_figures (valid_from, id);
CREATE INDEX sector_figures_ended ON sector_figures (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX evidence_added ON evidence (valid_from, id);
CREATE INDEX evidence_ended ON evidence (valid_to, id) WHERE valid_to IS NOT NULL;
CREATE INDEX project_slug_aliases_added ON project_slug_aliases (valid_from, alias);
CREATE INDEX project_slug_aliases_ended ON project_slug_aliases (valid_to, alias) WHERE valid_to IS NOT NULL;
