// The mixed workload every scenario carries: cached REST, uncached REST and uncached GraphQL, each driven by an
// autocannon instance of its own at the same time, so each class has its own latency histogram while the server sees
// the mix. Rate limiting stays on (it is what Redis serves); the budgets are raised so nothing is refused.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { send } from '../../attack/lib/http.mjs';
import { percentile } from '../../load/lib/percentile.mjs';
import { DEPIN_NESTED_QUERY } from '../../load/lib/queries.mjs';

// autocannon is one of the load harness's pinned packages, installed under bench/load.
const autocannon = createRequire(new URL('../../load/package.json', import.meta.url))('autocannon');

/** The API keys of the uncached REST class (several, so the per-client database-session gate is not what limits it). */
export const API_KEYS = ['scaling-bench-key-1', 'scaling-bench-key-2', 'scaling-bench-key-3', 'scaling-bench-key-4'];

/** Anonymous clients (X-Forwarded-For addresses, trusted from loopback), so budgets are charged on many keys. */
const CLIENTS = Array.from({ length: 16 }, (_, i) => `198.51.100.${i + 1}`);

const GENEROUS = String(1_000_000_000);

/**
 * How long the load generator waits for an answer: longer than the service's own longest wait before it sheds a
 * request (`Server:BuildWaitSeconds`, 10 s by default), so a refusal is seen as the 503 it is, not as a timeout.
 */
export const REQUEST_TIMEOUT_SECONDS = 30;

/**
 * What every API process gets besides its database and Redis: rate limits on but out of reach, one cursor key. The
 * burst (a bucket's size) is raised with the rate: left at its default of 200 points, a client whose nested GraphQL
 * queries, charged at once, took its bucket below zero was refused (429 RATE_LIMITED) until it refilled, which at
 * this rate is under a millisecond, but a client on 8 busy connections does send within that millisecond.
 */
export function workloadSettings() {
  const settings = {
    'RateLimiting:Enabled': 'true',
    'RateLimiting:Anonymous:PointsPerWindow': GENEROUS,
    'RateLimiting:Anonymous:BurstPoints': GENEROUS,
    'RateLimiting:Anonymous:ConcurrentRequests': '1000',
    'ForwardedHeaders:KnownProxies:0': '127.0.0.1',
    // Every GraphQL request runs its query (compiled to one statement): the class that costs Postgres.
    'GraphQL:CacheEnabled': 'false',
    // The same key on every replica, as compose.yaml sets it: cursors and ETags agree across them.
    'Rest:CursorKey': Buffer.alloc(32, 7).toString('base64'),
  };
  API_KEYS.forEach((key, i) => {
    settings[`RateLimiting:ApiKeys:${i}:Name`] = `bench-${i + 1}`;
    settings[`RateLimiting:ApiKeys:${i}:Sha256`] = createHash('sha256').update(key).digest('hex');
    settings[`RateLimiting:ApiKeys:${i}:PointsPerWindow`] = GENEROUS;
    settings[`RateLimiting:ApiKeys:${i}:BurstPoints`] = GENEROUS;
    settings[`RateLimiting:ApiKeys:${i}:ConcurrentRequests`] = '1000';
  });
  return settings;
}

const json = { accept: 'application/json' };

/**
 * The three classes, each a list of requests autocannon cycles through:
 * - cached REST: GET /v1/projects, anonymous, served from the output cache (in memory, or in Redis when it is set);
 * - uncached REST: GET /v1/projects/helium/revenue with an API key; the output cache never keeps a response to a
 *   request that carries Authorization, so each one reads Postgres;
 * - GraphQL: the load harness's nested query (projects → revenue, latest price, settlement mix), POST, cache off.
 */
export const CLASSES = [
  {
    key: 'cachedRest', title: 'cached REST (GET /v1/projects)',
    requests: () => CLIENTS.map(client => ({ method: 'GET', path: '/v1/projects', headers: { ...json, 'x-forwarded-for': client } })),
  },
  {
    key: 'uncachedRest', title: 'uncached REST (GET /v1/projects/helium/revenue, API key)',
    requests: () => API_KEYS.map(key => ({ method: 'GET', path: '/v1/projects/helium/revenue', headers: { ...json, authorization: `Bearer ${key}` } })),
  },
  {
    key: 'graphql', title: 'GraphQL (nested query, POST, cache off)',
    requests: () => CLIENTS.map(client => ({
      method: 'POST', path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query: DEPIN_NESTED_QUERY }),
    })),
  },
];

/** Checks each class answers 200 (GraphQL without errors) at `base` before any load is sent. */
export async function checkClasses(base) {
  for (const cls of CLASSES) {
    const { method, path, headers, body } = cls.requests()[0];
    const response = await fetch(base + path, { method, headers, body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${cls.title} answered ${response.status}: ${text.slice(0, 300)}`);
    if (cls.key === 'graphql' && JSON.parse(text).errors) throw new Error(`GraphQL errors: ${text.slice(0, 300)}`);
  }
}

/**
 * Refusals the service makes on purpose when it has more work than it takes on: 503 `server-busy` (a request waited
 * longer than `Server:BuildWaitSeconds` for its turn at the fair build gate), 503 `database-busy` (longer than
 * `Database:SessionWaitSeconds` for a database session), and any 429. Counted as shed load, apart from failures.
 */
const SHED = /^(503 (server-busy|database-busy|GraphQL SERVER_BUSY|GraphQL DATABASE_BUSY)$|429\b)/;

export const isShed = kind => SHED.test(kind);

/**
 * What an answer that is not a plain success was, as "status problem-type" (REST problem+json: the last segment of
 * its `type`; GraphQL: the first error's `extensions.code`), e.g. "503 server-busy", "429 GraphQL RATE_LIMITED";
 * null for a success. A 200 from /graphql carrying errors is no success: the query was not answered.
 */
export function answerKind(status, body) {
  const ok = status >= 200 && status < 300;
  if (ok && !body.includes('"errors"')) return null;
  let detail = '';
  try {
    const parsed = JSON.parse(body);
    if (typeof parsed?.type === 'string') detail = parsed.type.split('/').filter(Boolean).pop() ?? '';
    else if (Array.isArray(parsed?.errors)) detail = `GraphQL ${parsed.errors[0]?.extensions?.code ?? 'error without a code'}`;
  } catch {
    // Not the service's: HAProxy's own error pages are short HTML.
    const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    detail = text ? `not JSON: ${text.slice(0, 80)}` : 'empty body';
  }
  if (ok && !detail.startsWith('GraphQL')) return null;
  return `${status} ${detail}`.trim();
}

/** A request that got no answer: autocannon's timeout, or the socket error's code ("ECONNRESET", …). */
export function errorKind(error, timeoutSeconds) {
  if (error?.message === 'request timed out') return `no answer within ${timeoutSeconds} s (timeout)`;
  return `socket error ${error?.code ?? error?.message ?? 'unknown'}`;
}

/**
 * Runs autocannon; counts by kind every answer that is not a success and every request that got none, and keeps the
 * first body of each kind (its detail names the limit, the cost, the wait). `times` holds each 2xx answer's latency
 * as autocannon timed it (`process.hrtime`, in fractions of a millisecond; its own histogram keeps whole
 * milliseconds), sorted, the load harness's rule (bench/load/lib/load.mjs).
 */
function fire(options) {
  const kinds = new Map();
  const samples = new Map();
  const times = [];
  const count = (kind, body) => {
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (!samples.has(kind)) samples.set(kind, body.slice(0, 600));
  };
  const requests = options.requests.map(r => ({
    ...r,
    onResponse: (status, body) => {
      const kind = answerKind(status, body);
      if (kind) count(kind, body);
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, requests }, (error, result) =>
      (error ? reject(error) : resolve({ ...result, kinds, samples, times: times.sort((x, y) => x - y) })));
    instance.on('response', (client, status, bytes, ms) => { if (status >= 200 && status < 300) times.push(ms); });
    instance.on('reqError', error => count(errorKind(error, options.timeout), String(error?.stack ?? error).slice(0, 300)));
  });
}

/** The kinds of a mix, summed over its classes: { failed, shed, kinds: { "503 server-busy": n, … } }. */
export function tally(byClass) {
  const kinds = {};
  for (const c of Object.values(byClass))
    for (const [kind, n] of Object.entries(c.kinds)) kinds[kind] = (kinds[kind] ?? 0) + n;
  const sum = pick => Object.entries(kinds).filter(([kind]) => pick(isShed(kind))).reduce((s, [, n]) => s + n, 0);
  return { kinds, failed: sum(shed => !shed), shed: sum(shed => shed) };
}

/**
 * All three classes at once for `seconds`: `connections` keep-alive connections each, as fast as they are answered
 * (saturation), or with `ratePerClass` set, at that many requests a second each (a light load, for latency).
 */
export async function runMix(base, { seconds, connections, ratePerClass }) {
  const results = await Promise.all(CLASSES.map(cls => fire({
    url: base,
    requests: cls.requests(),
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    ...(ratePerClass ? { overallRate: ratePerClass } : {}),
  })));
  const byClass = {};
  CLASSES.forEach((cls, i) => {
    const r = results[i];
    byClass[cls.key] = {
      requests: r.requests.total, rps: r.requests.total / seconds, p50Ms: percentile(r.times, 50), p99Ms: percentile(r.times, 99),
      non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
      kinds: Object.fromEntries(r.kinds), samples: Object.fromEntries(r.samples),
    };
  });
  const requests = Object.values(byClass).reduce((n, c) => n + c.requests, 0);
  return { byClass, requests, rps: requests / seconds, ...tally(byClass) };
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * The three classes at `ratePerClass` requests a second each, one request at a time per class, timed to the
 * microsecond (autocannon's histogram counts whole milliseconds, too coarse for a loopback round trip to Redis).
 */
export async function pacedLatency(base, { seconds, ratePerClass }) {
  const end = performance.now() + seconds * 1000;
  const interval = 1000 / ratePerClass;
  const byClass = {};
  await Promise.all(CLASSES.map(async cls => {
    const list = cls.requests();
    const times = [];
    let failed = 0;
    let next = performance.now();
    for (let i = 0; performance.now() < end; i++) {
      const { method, path, headers, body } = list[i % list.length];
      const r = await send({ base, address: '127.0.0.1', method, path, headers, body, timeoutMs: 10_000 });
      if (r.status === 200) times.push(r.ms);
      else failed++;
      next += interval;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
    times.sort((x, y) => x - y);
    byClass[cls.key] = { requests: times.length + failed, rps: (times.length + failed) / seconds, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), failed };
  }));
  return { byClass };
}
