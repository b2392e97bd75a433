// One measured load run with autocannon: an unmeasured warm-up (JIT tiering, connection pools,
// caches), then a fixed-duration run over a bounded number of keep-alive connections.
import autocannon from 'autocannon';
import { percentile } from './percentile.mjs';

const SETTLE_MS = 1000;
// Past the fixed warm-up, more of it in steps of this length while the server still compiles (see `measure`).
const JIT_STEP_SECONDS = 2;
// Compiling for less than this share of a step counts as settled: tier-1 code for the hot path is in place.
const JIT_SETTLED_SHARE = 0.02;
const JIT_EXTRA_SECONDS_MAX = 30;

/**
 * One autocannon run. With `latencies`, each 2xx response's latency is pushed onto it as autocannon timed it
 * (`process.hrtime`, in fractions of a millisecond); autocannon's own histogram keeps whole milliseconds only.
 */
function fire(options, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    // The latencies autocannon's own percentiles are made of: 2xx responses only.
    if (latencies) instance.on('response', (client, status, bytes, ms) => { if (status >= 200 && status < 300) latencies.push(ms); });
  });
}

/** Whether the server's output cache answered: it says so in `Server-Timing` (`cache;desc="hit"`). */
export const isCacheHit = serverTiming => /\bcache;desc="hit"/.test(serverTiming ?? '');

/**
 * Runs `step(seconds)` (a warm-up load of that length) again and again while the server still compiles: until a step
 * compiled for under 2% of its length, at most 30 s in all. `jitSeconds` resolves to the server's JIT compilation time
 * so far, or null when it cannot say; without it nothing runs. Returns the seconds it added and whether the JIT
 * settled (null: not known; false: still compiling when the 30 s ran out).
 */
export async function warmUntilJitSettles(step, jitSeconds) {
  let seconds = 0;
  let compiled = jitSeconds ? await jitSeconds() : null;
  if (compiled === null) return { seconds, settled: null };
  while (seconds < JIT_EXTRA_SECONDS_MAX) {
    await step(JIT_STEP_SECONDS);
    seconds += JIT_STEP_SECONDS;
    const now = await jitSeconds();
    if (now === null) return { seconds, settled: null };
    if (now - compiled < JIT_SETTLED_SHARE * JIT_STEP_SECONDS) return { seconds, settled: true };
    compiled = now;
  }
  return { seconds, settled: false };
}

/**
 * @param {object} request  { url, method?, headers?, body? }
 * @param {object} settings { connections, durationSeconds, warmupSeconds, timeoutSeconds?, jitSeconds? }
 *                          `jitSeconds`, when given, resolves to the server's JIT compilation time so far: the warm-up
 *                          then goes on, a step at a time, until a step compiled for under 2% of it (at most 30 s
 *                          more). Under uncached REST load a fresh API was still moving its hot methods to tier 1
 *                          about 20 s in (`perf`: 4, 6, 9, 12, 14% of its samples in the JIT over successive 4 s,
 *                          then none), so a fixed 20 s measured part of that in some runs and not in others.
 * @param {object} around   optional { begin(), end() } called just before and after the measured
 *                          part (not the warm-up); what end() returns is kept as `around`.
 */
export async function measure(request, settings, around = {}) {
  const options = {
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    body: request.body,
    connections: settings.connections,
    pipelining: 1,
    timeout: settings.timeoutSeconds ?? 10,
  };
  let warmupSeconds = 0;
  let jitSettled = null;
  if (settings.warmupSeconds > 0) {
    await fire({ ...options, duration: settings.warmupSeconds });
    const extra = await warmUntilJitSettles(seconds => fire({ ...options, duration: seconds }), settings.jitSeconds);
    warmupSeconds = settings.warmupSeconds + extra.seconds;
    jitSettled = extra.settled;
    // The warm-up ends by cutting off the requests it has in flight, and the server cancels their builds only when it
    // notices. Measured at once, the first request of a client that may run one whole-series export at a time would
    // be refused (429) while the cut-off one is still being cancelled.
    await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
  }
  around.begin?.();
  const latencies = [];
  const result = await fire({ ...options, duration: settings.durationSeconds }, latencies);
  const aroundResult = around.end?.();
  // Percentiles of these rather than autocannon's, whose histogram rounds to whole milliseconds: at the ceiling's rates
  // it reported a p50 of 1.04–1.19 ms as 1, so neither a p99 over p50 nor a tie of two p99s could be read.
  const sorted = Float64Array.from(latencies).sort();
  return {
    around: aroundResult,
    requests: result.requests.total,
    rps: result.requests.average,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.length ? sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length : null,
    maxMs: sorted.length ? sorted[sorted.length - 1] : null,
    non2xx: result.non2xx,
    // Which statuses the non-2xx were (a 429 from a per-client limit reads differently from a 500).
    non2xxByStatus: Object.fromEntries(Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2')).map(([status, { count }]) => [status, count])),
    errors: result.errors, // connection errors, timeouts included
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    warmupSeconds,
    // null: not asked (PostGraphile, or no warm-up); false: still compiling when the extra warm-up ran out.
    jitSettled,
  };
}

/** A run's non-2xx responses with their statuses, e.g. `15,347 (429: 15,347)`. */
export function fmtNon2xx(r) {
  const count = n => (n ?? 0).toLocaleString('en');
  const statuses = Object.entries(r.non2xxByStatus ?? {}).map(([status, n]) => `${status}: ${count(n)}`);
  return statuses.length ? `${count(r.non2xx)} (${statuses.join(', ')})` : count(r.non2xx);
}
