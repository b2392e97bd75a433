-- Indexes for reading a past version's series.
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
