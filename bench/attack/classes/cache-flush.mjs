// (5) Cache flushing: the output cache is shared by every client. Before the attack the harness
// makes 40 ordinary REST answers hot; the attackers then send distinct large answers just under
// the cache's per-entry limit (introspection POSTs with new alias names, CSV slices of the long
// series from new dates); afterwards the harness counts how many hot answers are still served
// from memory (`Server-Timing: cache;desc="hit"`).
import { Tally } from '../lib/tally.mjs';
import { attackers, flood, HARNESS, observer } from '../lib/clients.mjs';
import { destroyAgents, fromCache, graphql, send } from '../lib/http.mjs';
import { day, introspectionAliases, LONG_SERIES } from '../lib/documents.mjs';

// Just under Rest:OutputCacheMaxBodyBytes (4 MiB by default), so every answer is worth caching.
const TARGET_BYTES = 3.8 * 2 ** 20;

export const meta = {
  key: 'cache-flush',
  title: 'Cache flushing',
  what: '9 addresses × 1 in flight (more in flight makes fewer answers per second): distinct long-series CSV slices (8 addresses) and introspection POSTs (1 address), each just under the 4 MiB per-entry limit; share of 40 hot REST answers still cached afterwards',
};

const HOT = [
  '/v1/projects', '/v1/sectors', '/v1/sources', '/v1/meta', '/v1/revenue?metric=quarterly_revenue', '/v1/settlement-mix', '/v1/token-prices',
  '/v1/sector-figures', '/v1/changes', '/v1/projects/helium', '/v1/projects/akash', '/v1/projects/render',
  '/v1/projects/helium/revenue', '/v1/projects/akash/revenue', '/v1/projects/aethir/revenue', '/v1/projects/filecoin/revenue',
  ...Array.from({ length: 24 }, (_, i) => `/v1/projects/${LONG_SERIES}/token-prices?from=${day(19_000 + i * 20)}&limit=100`),
];

/** How many of the hot answers the cache serves, each asked for by an address of its own. */
async function hotCount(base) {
  let hot = 0;
  for (const [i, path] of HOT.entries()) if (fromCache((await send({ base, address: observer(i), path })).headers)) hot++;
  return hot;
}

export async function prepare({ base }) {
  for (const path of HOT) for (let i = 0; i < 2; i++) await send({ base, address: HARNESS, path });
  const hotBefore = await hotCount(base);
  // How many aliases make an answer of about TARGET_BYTES on this server's schema.
  const one = await graphql({ base, address: HARNESS }, introspectionAliases(1, 'calibrate'));
  const aliases = Math.max(1, Math.min(30, Math.floor(TARGET_BYTES / Math.max(1, one.bytes))));
  // How many CSV rows make about TARGET_BYTES.
  const sample = await send({ base, address: HARNESS, path: `/v1/projects/${LONG_SERIES}/token-prices?format=csv&from=${day(19_000)}` });
  const csvRows = Math.max(100, Math.min(20_000, Math.floor(TARGET_BYTES / Math.max(1, sample.bytes / 1000))));
  return { hotBefore, aliases, aliasBytes: one.bytes, csvRows };
}

export async function attack({ base, deadline, prepared }, signal) {
  const tally = new Tally();
  const [first] = attackers(1);
  const next = (address, n) => {
    const tag = `c${address.split('.')[3]}_${n}_`;
    // One address sends introspection answers; the others CSV slices, which are cheaper for the
    // server to make, so the cache fills within the class.
    return address === first
      ? { method: 'POST', path: '/graphql', body: { query: introspectionAliases(prepared.aliases, tag) } }
      // 90–100 % of csvRows rows, from a new date each time: a different cache key every time.
      : { path: `/v1/projects/${LONG_SERIES}/token-prices?format=csv&from=${day(20_000 - prepared.csvRows + ((n * 37 + Number(address.split('.')[3]) * 101) % Math.floor(prepared.csvRows / 10)))}` };
  };
  await flood({ base, addresses: attackers(9), perAddress: 1, next, tally, deadline, signal, timeoutMs: 60_000 });
  tally.note(`introspection documents of ${prepared.aliases} aliases (${(prepared.aliasBytes * prepared.aliases / 2 ** 20).toFixed(1)} MB each), CSV slices of up to ${prepared.csvRows} rows`);
  destroyAgents();
  return tally.summary();
}

export async function after({ base }, prepared) {
  const hotAfter = await hotCount(base);
  return [`hot REST answers served from the cache: ${prepared.hotBefore}/${HOT.length} before, ${hotAfter}/${HOT.length} after`];
}
