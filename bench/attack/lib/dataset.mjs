// The campaign's database: the repository's seed data, imported by the API's own verbs, plus
// the synthetic long series (long-series.sql) as a separate, labelled data version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withClient } from '../../load/lib/cluster.mjs';
import { runApiVerb } from '../../load/lib/servers.mjs';
import { LONG_SERIES, LONG_SERIES_DAYS } from './documents.mjs';

export const ATTACK_DB = 'depin_attack';
const HERE = new URL('.', import.meta.url).pathname;

export async function createAttackDatabase({ cluster, dll, seedDirectory, logDir }) {
  await cluster.createDatabase(ATTACK_DB);
  const connection = cluster.npgsql(ATTACK_DB);
  const settings = { 'ConnectionStrings:Depin': connection, 'ConnectionStrings:DepinAdmin': connection };
  await runApiVerb({ dll, args: ['migrate'], settings, logFile: join(logDir, 'migrate.log') });
  await runApiVerb({ dll, args: ['import', seedDirectory], settings, logFile: join(logDir, 'import.log') });
  return withClient(cluster.url(ATTACK_DB), async client => {
    await client.query('BEGIN');
    await client.query(readFileSync(join(HERE, 'long-series.sql'), 'utf8'));
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    const one = async (sql, params) => Number((await client.query(sql, params)).rows[0].n);
    const prices = await one('SELECT count(*) AS n FROM token_prices WHERE project = $1 AND valid_to IS NULL', [LONG_SERIES]);
    if (prices !== LONG_SERIES_DAYS) throw new Error(`synthetic long series: ${prices} prices, expected ${LONG_SERIES_DAYS}`);
    return { prices, dataVersions: await one('SELECT count(*) AS n FROM data_versions') };
  });
}
