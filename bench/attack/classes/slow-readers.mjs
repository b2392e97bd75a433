// (4) Slow readers: each address holds as many requests as its concurrency limit allows and
// reads the answers at 512 B/s. A server that keeps the database session (or its snapshot
// transaction) until the response is written lends its pool to whoever reads slowest.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';
import { day, LONG_SERIES } from '../lib/documents.mjs';

const ADDRESSES = 16;
const PER_ADDRESS = 8; // the anonymous concurrency limit
const READ_BYTES_PER_SECOND = 512;

export const meta = {
  key: 'slow-readers',
  title: 'Slow readers',
  what: `${ADDRESSES} addresses × ${PER_ADDRESS} connections reading at ${READ_BYTES_PER_SECOND} B/s: the long series as CSV, REST JSON pages of 500, GraphQL lists (new arguments each time)`,
};

export async function attack({ base, deadline, shapes }, signal) {
  const tally = new Tally();
  const series = `/v1/projects/${LONG_SERIES}/token-prices`;
  const next = (address, n) => {
    // New arguments on every request: an answer from the output cache would hold no session.
    const from = day((n * 7 + Number(address.split('.')[3]) * 131) % 2000);
    const common = { readBytesPerSecond: READ_BYTES_PER_SECOND, timeoutMs: Math.max(1000, deadline - Date.now() + 5000) };
    switch (n % 3) {
      case 0: return { ...common, path: `${series}?format=csv&from=${from}` };
      case 1: return { ...common, path: `${series}?limit=500&from=${from}` };
      default: return {
        ...common, method: 'POST', path: '/graphql',
        body: { query: `query Slow($from: Date) { project(slug: "${LONG_SERIES}") { ${shapes.pricesFrom} } }`, variables: { from } },
      };
    }
  };
  await flood({ base, addresses: attackers(ADDRESSES), perAddress: PER_ADDRESS, next, tally, deadline, signal });
  destroyAgents();
  return tally.summary();
}
