// (8) CSV of the longest series: a REST request costs one point whatever it returns, and a CSV
// without `limit` streams the whole series. Each download starts from a new date, so the output
// cache does not answer it.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';
import { day, LONG_SERIES } from '../lib/documents.mjs';

export const meta = {
  key: 'csv-flood',
  title: 'CSV of the longest series',
  what: `6 addresses × 2 in flight, GET /v1/projects/${LONG_SERIES}/token-prices?format=csv (20,000 rows) read at full speed, a new from date each time`,
};

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const next = (address, n) => ({ path: `/v1/projects/${LONG_SERIES}/token-prices?format=csv&from=${day((n * 3 + Number(address.split('.')[3])) % 400)}` });
  await flood({ base, addresses: attackers(6), perAddress: 2, next, tally, deadline, signal, timeoutMs: 60_000 });
  destroyAgents();
  return tally.summary();
}
