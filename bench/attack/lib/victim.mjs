// The victim: an ordinary client on addresses of its own that keeps asking for data nobody has
// asked for before, so every request reaches Postgres — a page of the long price series from a
// new `from` date over REST, then the same kind of window over GraphQL with new variables —
// one request at a time with a short pause, and records how long each took.
import { destroyAgents, fromCache, graphql, send } from './http.mjs';
import { victims } from './clients.mjs';
import { day, LONG_SERIES } from './documents.mjs';

// Spread over addresses so the victim never meets its own rate limit: a GraphQL week of prices costs
// about 20 points (docs/graphql.md: a window is charged days × the most rows a project has on a day).
const ADDRESSES = victims(60);
const WINDOW_DAYS = 6;
const PAUSE_MS = 25;
const TIMEOUT_MS = 10_000;

/** Runs until `seconds` have passed or `signal`; `first` is the first series offset to use. */
export async function runVictim({ base, seconds, first, pricesField }, signal) {
  const query = `query Victim($from: Date!, $to: Date!) { project(slug: "${LONG_SERIES}") { ${pricesField} } }`;
  const samples = { rest: [], graphql: [] };
  // When each request started (ms after the first), so a report can say when in an attack the slow ones came.
  const timeline = [];
  const started = performance.now();
  const failures = {};
  let cacheHits = 0;
  const fail = reason => { failures[reason] = (failures[reason] ?? 0) + 1; };
  const deadline = Date.now() + seconds * 1000;
  for (let n = first; Date.now() < deadline && !signal.aborted; n++) {
    const address = ADDRESSES[n % ADDRESSES.length];
    const kind = n % 2 === 0 ? 'rest' : 'graphql';
    const at = performance.now() - started;
    const result = kind === 'rest'
      ? await send({ base, address, path: `/v1/projects/${LONG_SERIES}/token-prices?from=${day(n)}&limit=${20 + (n % 30)}`, timeoutMs: TIMEOUT_MS, signal })
      : await graphql({ base, address, timeoutMs: TIMEOUT_MS, signal }, query, { from: day(n), to: day(n + WINDOW_DAYS) });
    if (result.error === 'aborted') break;
    samples[kind].push(result.ms);
    timeline.push({ at, kind, ms: result.ms });
    if (result.error) fail(`${kind} ${result.error}`);
    else if (result.status !== 200) fail(`${kind} HTTP ${result.status}`);
    else if (kind === 'graphql' && /"errors"\s*:/.test(result.head + result.tail)) fail('graphql errors');
    if (fromCache(result.headers)) cacheHits++;
    await new Promise(r => setTimeout(r, PAUSE_MS));
  }
  destroyAgents();
  return { samples, failures, cacheHits, slowest: timeline.sort((a, b) => b.ms - a.ms).slice(0, 5) };
}
