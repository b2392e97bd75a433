// (1) Readiness flood: probes are exempt from the rate limit, so one address may call /readyz
// as often as it likes. If each call takes pooled database connections, enough of them in
// flight starve every other client.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';

export const meta = {
  key: 'readyz',
  title: 'Readiness flood',
  what: 'one address, 64 concurrent keep-alive loops of GET /readyz',
};

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  await flood({ base, addresses: attackers(1), perAddress: 64, next: () => ({ path: '/readyz' }), tally, deadline, signal, timeoutMs: 10_000 });
  destroyAgents();
  return tally.summary();
}
