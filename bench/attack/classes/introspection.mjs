// (2) Introspection aliases: 30 aliases of __schema with the IDE's two-level fragment make a
// 1.6 KB POST whose answer is megabytes. Each request gets new alias names, as an attacker
// would send, so the output cache cannot answer it.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';
import { introspectionAliases } from '../lib/documents.mjs';

export const meta = {
  key: 'introspection',
  title: 'Introspection aliases',
  what: '4 addresses × 2 in flight, POST /graphql with 30 aliases of __schema (two-level fragment), new alias names each time',
};

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const next = (address, n) => ({
    method: 'POST', path: '/graphql',
    body: { query: introspectionAliases(30, `s${address.split('.')[3]}_${n}_`) },
  });
  await flood({ base, addresses: attackers(4), perAddress: 2, next, tally, deadline, signal, timeoutMs: 60_000 });
  destroyAgents();
  return tally.summary();
}
