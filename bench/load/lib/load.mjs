// One measured load run with autocannon: an unmeasured warm-up (JIT tiering, connection pools,
// caches), then a fixed-duration run over a bounded number of keep-alive connections.
import autocannon from 'autocannon';

const SETTLE_MS = 1000;

function fire(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * @param {object} request  { url, method?, headers?, body? }
 * @param {object} settings { connections, durationSeconds, warmupSeconds, timeoutSeconds? }
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
  if (settings.warmupSeconds > 0) {
    await fire({ ...options, duration: settings.warmupSeconds });
    // The warm-up ends by cutting off the requests it has in flight, and the server cancels their builds only when it
    // notices. Measured at once, the first request of a client that may run one whole-series export at a time would
    // be refused (429) while the cut-off one is still being cancelled.
    await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
  }
  around.begin?.();
  const result = await fire({ ...options, duration: settings.durationSeconds });
  const aroundResult = around.end?.();
  return {
    around: aroundResult,
    requests: result.requests.total,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    // Which statuses the non-2xx were (a 429 from a per-client limit reads differently from a 500).
    non2xxByStatus: Object.fromEntries(Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2')).map(([status, { count }]) => [status, count])),
    errors: result.errors, // connection errors, timeouts included
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  };
}

/** A run's non-2xx responses with their statuses, e.g. `15,347 (429: 15,347)`. */
export function fmtNon2xx(r) {
  const count = n => (n ?? 0).toLocaleString('en');
  const statuses = Object.entries(r.non2xxByStatus ?? {}).map(([status, n]) => `${status}: ${count(n)}`);
  return statuses.length ? `${count(r.non2xx)} (${statuses.join(', ')})` : count(r.non2xx);
}
