// (7) The most expensive admitted GraphQL: before the attack the harness tries a few heavy
// documents, each shrunk until the cost limit admits it, and keeps the one that takes the
// server longest per point charged; the attackers send it with new alias names each time (so
// the output cache cannot answer it) from several addresses.
import { Tally } from '../lib/tally.mjs';
import { attacker, attackers, flood } from '../lib/clients.mjs';
import { destroyAgents, send } from '../lib/http.mjs';

export const meta = {
  key: 'max-cost',
  title: 'Heaviest admitted GraphQL',
  what: '10 addresses × 1 in flight, the admitted document with the most server time per point among screening, sector analytics, sectors and nested project lists, new alias names each time',
};

const aliased = (n, tag, field) => Array.from({ length: n }, (_, i) => `${tag}${i}: ${field}`).join(' ');

/** Candidate documents of size n (aliases, or a page size); `tag` renames the aliases. */
const CANDIDATES = {
  'screening': { n: 30, write: (n, tag) => aliased(n, tag, 'screening { projects { project composite rank components { __typename } } }') },
  'sectorAnalytics': { n: 30, write: (n, tag) => aliased(n, tag, 'sectorAnalytics { revenue { __typename } impliedPrices { __typename } revenueMultiples { __typename } }') },
  'sectors with their projects and analytics': { n: 30, write: (n, tag) => aliased(n, tag, 'sectors { projectCount projects { slug revenue { amountUsd } } analytics { revenue { __typename } } }') },
  'nested projects': { n: 100, write: (n, tag) => `${tag}0: projects(first: ${n}) { nodes { slug revenue { amountUsd } settlementMix { date } latestPrice { priceUsd } sources { id } metrics { value } } }` },
};

const body = (name, n, tag) => ({ query: `query Heavy { ${CANDIDATES[name].write(n, tag)} }` });

// Each trial from an address of its own: a heavy document can spend most of one address's budget.
let trials = 0;
const TRIAL_ADDRESSES = 40;

async function trial(base, name, n, tag) {
  const address = attacker(100 + (trials++ % TRIAL_ADDRESSES));
  const result = await send({ base, address, method: 'POST', path: '/graphql', body: body(name, n, tag), timeoutMs: 30_000 });
  const text = result.head + result.tail;
  return {
    name, n, ms: result.ms,
    cost: Number(text.match(/"requestedQueryCost"\s*:\s*(\d+)/)?.[1] ?? NaN),
    tooComplex: /QUERY_TOO_COMPLEX/.test(text),
    admitted: result.status === 200 && !/"errors"\s*:/.test(text),
  };
}

export async function prepare({ base }) {
  const admitted = [];
  for (const [name, candidate] of Object.entries(CANDIDATES)) {
    let n = candidate.n;
    let t = await trial(base, name, n, `w${n}_`);
    while (t.tooComplex && n > 1) t = await trial(base, name, n = Math.floor(n / 2), `w${n}_`);
    if (!t.admitted) continue;
    if (t.ms < 1000) t = await trial(base, name, n, `t${n}_`); // a quick one is timed again, warm
    if (t.admitted) admitted.push(t);
  }
  admitted.sort((a, b) => b.ms / Math.max(1, b.cost) - a.ms / Math.max(1, a.cost));
  return { best: admitted[0], trials: admitted };
}

export async function attack({ base, deadline, prepared }, signal) {
  const tally = new Tally();
  const { best, trials } = prepared;
  if (!best) {
    tally.note('every candidate document was refused');
    return tally.summary();
  }
  tally.note(`tried alone: ${trials.map(t => `${t.name} (size ${t.n}): cost ${t.cost}, ${t.ms.toFixed(0)} ms`).join('; ')}; sent: ${best.name}`);
  const next = (address, n) => ({ method: 'POST', path: '/graphql', body: body(best.name, best.n, `m${address.split('.')[3]}_${n}_`) });
  await flood({ base, addresses: attackers(10), perAddress: 1, next, tally, deadline, signal, timeoutMs: 60_000 });
  destroyAgents();
  return tally.summary();
}
