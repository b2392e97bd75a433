-- A second data version for the `asOf` shape (bench/load only, in the harness's own cluster): the first current
-- revenue figure is stated again, unchanged, in a new version, as an import that re-reads an identical figure under
-- a revision would. Data version 1 is then a past version, read through its validity ranges rather than the
-- current rows; no figure's value changes.
BEGIN;
INSERT INTO data_versions (id, summary, source_dir)
SELECT max(id) + 1, '{"benchmark": "one revenue figure restated unchanged, so that data version 1 is a past one"}',
       'bench/load/lib/second-version.sql (benchmark revision; no value changed)'
FROM data_versions;
WITH restated AS (
  UPDATE revenue_figures SET valid_to = (SELECT max(id) FROM data_versions)
  WHERE row_id = (SELECT row_id FROM revenue_figures WHERE valid_to IS NULL ORDER BY project, year, quarter, metric, id LIMIT 1)
  RETURNING id, project, year, quarter, metric, amount_usd, basis, qualifier, source, quote, valid_to
)
INSERT INTO revenue_figures (id, project, year, quarter, metric, amount_usd, basis, qualifier, source, quote, valid_from)
SELECT id, project, year, quarter, metric, amount_usd, basis, qualifier, source, quote, valid_to FROM restated;
COMMIT;
