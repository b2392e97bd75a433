// (3) Unpaged long lists: a list without paging arguments is charged a fixed declared size,
// whatever it holds. 30 aliases of the 20,000-day series' prices ask for 600,000 rows.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';
import { LONG_SERIES } from '../lib/documents.mjs';

export const meta = {
  key: 'unpaged',
  title: 'Unpaged long lists',
  what: `3 addresses × 1 in flight, 30 aliases of project(slug: "${LONG_SERIES}") { tokenPrices { date priceUsd } } (the largest page if the field is paged)`,
};

export async function attack({ base, deadline, shapes }, signal) {
  const tally = new Tally();
  const next = (address, n) => {
    const fields = Array.from({ length: 30 }, (_, i) => `p${address.split('.')[3]}_${n}_${i}: project(slug: "${LONG_SERIES}") { ${shapes.pricesAll} }`);
    return { method: 'POST', path: '/graphql', body: { query: `query Unpaged { ${fields.join(' ')} }` } };
  };
  await flood({ base, addresses: attackers(3), perAddress: 1, next, tally, deadline, signal, timeoutMs: 120_000 });
  destroyAgents();
  return tally.summary();
}
