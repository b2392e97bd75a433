// The two databases every run measures: the repository's seed data, imported by the API itself
// on its first start, and the synthetic scale set, generated with SQL into a database of its
// own after the API's `migrate` verb has laid out the schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { withClient } from './cluster.mjs';
import { runApiVerb } from './servers.mjs';

export const SEED_DB = 'depin_seed';
export const SYNTHETIC_DB = 'depin_synthetic';
export const LONG_SERIES = 'synthetic-long-series';

/** Row counts the scale set must reach; the run stops if generation falls short. */
export const SYNTHETIC_MINIMUMS = {
  projects: 1000,
  revenue_figures: 40_000,
  token_prices: 1_800_000,
  long_series_prices: 100_000,
};

const HERE = new URL('.', import.meta.url).pathname;

export async function createSyntheticScaleSet({ cluster, dll, logDir }) {
  await cluster.createDatabase(SYNTHETIC_DB);
  const connection = cluster.npgsql(SYNTHETIC_DB);
  await runApiVerb({
    dll, args: ['migrate'], logFile: join(logDir, 'migrate-synthetic.log'),
    settings: { 'ConnectionStrings:Depin': connection, 'ConnectionStrings:DepinAdmin': connection },
  });
  const started = performance.now();
  const url = cluster.url(SYNTHETIC_DB);
  await withClient(url, async client => {
    await client.query('BEGIN');
    await client.query(readFileSync(join(HERE, 'synthetic.sql'), 'utf8'));
    await client.query('COMMIT');
    // Visibility map and statistics, as a long-lived database would have them.
    await client.query('VACUUM ANALYZE');
  });
  const generationSeconds = (performance.now() - started) / 1000;
  const counts = await withClient(url, async client => {
    const one = async sql => Number((await client.query(sql)).rows[0].n);
    return {
      projects: await one("SELECT count(*) AS n FROM projects WHERE slug LIKE 'synthetic-%' AND valid_to IS NULL"),
      revenue_figures: await one('SELECT count(*) AS n FROM revenue_figures WHERE valid_to IS NULL'),
      token_prices: await one('SELECT count(*) AS n FROM token_prices WHERE valid_to IS NULL'),
      long_series_prices: await one(`SELECT count(*) AS n FROM token_prices WHERE project = '${LONG_SERIES}'`),
      unlabelled_rows: await one(`SELECT (SELECT count(*) FROM projects WHERE slug NOT LIKE 'synthetic-%')
                                       + (SELECT count(*) FROM token_prices WHERE source <> 'synthetic-benchmark')
                                       + (SELECT count(*) FROM revenue_figures WHERE source <> 'synthetic-benchmark') AS n`),
      database_mb: Math.round(await one(`SELECT pg_database_size('${SYNTHETIC_DB}') / 1048576 AS n`)),
    };
  });
  for (const [table, minimum] of Object.entries(SYNTHETIC_MINIMUMS))
    if (counts[table] < minimum) throw new Error(`synthetic scale set: ${table} has ${counts[table]} rows, expected at least ${minimum}`);
  if (counts.unlabelled_rows !== 0) throw new Error(`synthetic scale set: ${counts.unlabelled_rows} rows are not labelled synthetic`);
  return { generationSeconds, counts };
}

export async function createSeedDatabase({ cluster }) {
  await cluster.createDatabase(SEED_DB);
}
