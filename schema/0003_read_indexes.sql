-- Indexes for reading history.
--
-- The current data is served through the partial "current" indexes of 0001. Two other reads
-- need their own: the change log (rows a data version added or ended, found by valid_from and
-- valid_to) and a past version's price series, whose rows may no longer be current and which
-- is long enough (years of daily prices per project) to need an index of its own.

CREATE INDEX sources_valid_from ON sources (valid_from);
CREATE INDEX sources_valid_to ON sources (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX projects_valid_from ON projects (valid_from);
CREATE INDEX projects_valid_to ON projects (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX revenue_valid_from ON revenue_figures (valid_from);
CREATE INDEX revenue_valid_to ON revenue_figures (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX settlement_valid_from ON settlement_mix (valid_from);
CREATE INDEX settlement_valid_to ON settlement_mix (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX token_prices_valid_from ON token_prices (valid_from);
CREATE INDEX token_prices_valid_to ON token_prices (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX network_metrics_valid_from ON network_metrics (valid_from);
CREATE INDEX network_metrics_valid_to ON network_metrics (valid_to) WHERE valid_to IS NOT NULL;
CREATE INDEX sector_figures_valid_from ON sector_figures (valid_from);
CREATE INDEX sector_figures_valid_to ON sector_figures (valid_to) WHERE valid_to IS NOT NULL;

-- A past version's series: keyset order (project, date, id), validity checked on the index's rows.
CREATE INDEX token_prices_series_history ON token_prices (project, date, id);
