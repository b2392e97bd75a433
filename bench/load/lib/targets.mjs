// The issue's targets, checked against one run's figures. A target whose scenarios were not
// measured is reported as such, never as a pass.
import { fmtNon2xx } from './load.mjs';

const LIMITS = {
  cachedShareOfCeiling: 0.6,
  graphqlOverPostGraphile: 2,
  deepPageSlowdown: 1.5,
  peakRssMb: 200,
  coldStartMs: 1500,
  coldStartOverEmptyApp: 2,
  uncachedShareOfCeiling: 0.2,
  p99OverP50: 4,
  idleStopMs: 2000,
  streamingGrowthMb: 20,
};

const firstRun = (run, key) => run.scenarios.find(s => s.key === key)?.runs[0];
const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function target(name, measured, pass, detail) {
  return { name, status: !measured ? 'NOT MEASURED' : pass ? 'PASS' : 'FAIL', detail };
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Each GraphQL shape measured in the run, with this API's run and PostGraphile's. */
export function shapePairs(run) {
  const shapes = [...new Set(run.scenarios.filter(s => s.shape).map(s => s.shape))];
  return shapes.map(shape => {
    const of = peer => run.scenarios.find(s => s.shape === shape && (s.key.endsWith('-peer') || s.key.startsWith('postgraphile')) === peer)?.runs[0];
    return { shape, api: of(false), peer: of(true), database: run.scenarios.find(s => s.shape === shape)?.database };
  });
}

export function evaluateTargets(run) {
  const targets = [];
  const ceiling = firstRun(run, 'ceiling');
  const cached = firstRun(run, 'rest-projects-cached');
  const graphql = firstRun(run, 'graphql-nested');
  const peer = firstRun(run, 'postgraphile-nested');
  const pages = run.scenarios.find(s => s.key === 'deep-pagination')?.runs ?? [];
  const csv = firstRun(run, 'csv-stream');

  {
    const ok = ceiling && cached;
    const share = ok ? cached.rps / ceiling.rps : 0;
    targets.push(target('cached REST ≥ 60% of the ceiling (req/s)', ok, share >= LIMITS.cachedShareOfCeiling,
      ok ? `${fmt(share * 100, 1)}% (${fmt(cached.rps)} of ${fmt(ceiling.rps)} req/s)` : 'needs scenarios 1 and 2'));
  }
  {
    const ok = graphql && peer;
    const ratio = ok ? graphql.rps / peer.rps : 0;
    targets.push(target('GraphQL (cache off) ≥ 2× PostGraphile (req/s)', ok, ratio >= LIMITS.graphqlOverPostGraphile,
      ok ? `${fmt(ratio, 2)}× (${fmt(graphql.rps)} vs ${fmt(peer.rps)} req/s)` : 'needs scenarios 4 and 5'));
    targets.push(target('GraphQL p99 no worse than PostGraphile\'s', ok, ok && graphql.p99Ms <= peer.p99Ms,
      ok ? `${fmt(graphql.p99Ms, 2)} ms vs ${fmt(peer.p99Ms, 2)} ms` : 'needs scenarios 4 and 5'));
  }
  {
    const uncached = firstRun(run, 'rest-revenue-uncached');
    const ok = ceiling && uncached;
    const share = ok ? uncached.rps / ceiling.rps : 0;
    targets.push(target('uncached REST ≥ 20% of the ceiling (req/s)', ok, share >= LIMITS.uncachedShareOfCeiling,
      ok ? `${fmt(share * 100, 1)}% (${fmt(uncached.rps)} of ${fmt(ceiling.rps)} req/s)` : 'needs scenarios 1 and 3'));
  }
  for (const { shape, api, peer: other } of shapePairs(run)) {
    const ok = api && other;
    const ratio = ok ? api.rps / other.rps : 0;
    targets.push(target(`GraphQL shape ${shape}: ≥ 2× PostGraphile (req/s) and p99 no worse`, ok,
      ratio >= LIMITS.graphqlOverPostGraphile && api.p99Ms <= other.p99Ms,
      ok ? `${fmt(ratio, 2)}× (${fmt(api.rps)} vs ${fmt(other.rps)} req/s); p99 ${fmt(api.p99Ms, 2)} vs ${fmt(other.p99Ms, 2)} ms` : 'needs both servers\' runs'));
  }
  {
    // The target is the API's tail; the peer's runs are measured beside it, and a wide tail of its own is reported,
    // not judged.
    const measured = run.scenarios.flatMap(s => s.runs.map(r => ({ s, r })));
    // Latencies are measured to fractions of a millisecond (load.mjs), so a p50 under 1 ms is compared as it is.
    const isWide = ({ r }) => r.p99Ms > LIMITS.p99OverP50 * r.p50Ms;
    const tails = (runs) => runs.map(({ s, r }) => `${s.id}: ${fmt(r.p99Ms, 2)} vs ${fmt(r.p50Ms, 2)} ms`).join('; ');
    const api = measured.filter(({ s }) => s.server?.startsWith('DepinApi'));
    const wide = api.filter(isWide);
    const peerWide = measured.filter(m => !api.includes(m) && isWide(m));
    targets.push(target('p99 ≤ 4× p50 in every scenario of the API', api.length > 0, wide.length === 0,
      (wide.length === 0 ? `all ${api.length} runs` : tails(wide))
      + (peerWide.length ? ` (PostGraphile's own, not judged: ${tails(peerWide)})` : '')));
  }
  {
    const stops = run.scenarios.filter(s => s.server?.startsWith('DepinApi') && s.stopMs !== undefined);
    const worst = Math.max(0, ...stops.map(s => s.stopMs));
    targets.push(target('an idle API exits within 2 s of SIGTERM after its load run', stops.length > 0, worst <= LIMITS.idleStopMs,
      `worst ${fmt(worst)} ms of ${stops.length} (${stops.map(s => `${s.id}: ${fmt(s.stopMs)}`).join(', ')} ms)`));
  }
  {
    const ok = pages.length === 2;
    const ratio = ok ? pages[1].meanMs / pages[0].meanMs : 0;
    targets.push(target('page 1,000 within 1.5× of page 1 (mean latency)', ok, ratio <= LIMITS.deepPageSlowdown,
      ok ? `${fmt(ratio, 2)}× (${fmt(pages[1].meanMs, 2)} ms vs ${fmt(pages[0].meanMs, 2)} ms; ${fmt(pages[1].rps)} vs ${fmt(pages[0].rps)} req/s)` : 'needs scenario 6'));
  }
  {
    const measuredRuns = run.scenarios.flatMap(s => s.runs.map(r => ({ scenario: s, run: r })));
    const failing = measuredRuns.filter(({ run: r }) => r.non2xx + r.errors > 0);
    const notMeasured = run.scenarios.filter(s => s.notMeasured).map(s => s.id);
    targets.push(target('zero errors in every scenario', measuredRuns.length > 0, failing.length === 0,
      (failing.length === 0 ? `none in ${measuredRuns.length} measured runs`
        : failing.map(({ scenario, run: r }) => `${scenario.id} ${r.label}: ${fmtNon2xx(r)} non-2xx, ${r.errors} errors`).join('; '))
      + (notMeasured.length ? ` (not measured: ${notMeasured.join(', ')})` : '')));
    const apiRuns = measuredRuns.filter(({ scenario }) => scenario.server?.startsWith('DepinApi'));
    const peak = Math.max(0, ...apiRuns.map(({ run: r }) => r.peakRssMb));
    targets.push(target('peak RSS of the API ≤ 200 MB', apiRuns.length > 0, peak <= LIMITS.peakRssMb,
      `highest ${fmt(peak)} MB`));
  }
  {
    const times = run.coldStart?.ms ?? [];
    const worst = Math.max(0, ...times);
    targets.push(target('cold start to first 200 ≤ 1.5 s on the seed data', times.length > 0, worst <= LIMITS.coldStartMs,
      `worst ${fmt(worst)} ms of ${times.length} (${times.map(t => fmt(t)).join(', ')} ms) to GET ${run.coldStart?.path}`));
  }
  {
    const api = run.coldStart?.ms ?? [];
    const empty = run.emptyColdStart?.ms ?? [];
    const ok = api.length > 0 && empty.length > 0;
    const ratio = ok ? median(api) / median(empty) : 0;
    targets.push(target('cold start ≤ 2× an empty minimal-API app\'s (medians, same run)', ok, ratio <= LIMITS.coldStartOverEmptyApp,
      ok ? `${fmt(ratio, 2)}× (${fmt(median(api))} vs ${fmt(median(empty))} ms)` : 'needs --cold-starts ≥ 1'));
  }
  {
    const growth = csv ? csv.maxRssMb - csv.idleRssMb : 0;
    targets.push(target('CSV streaming: memory within 20 MB of idle', !!csv, growth <= LIMITS.streamingGrowthMb,
      csv ? `+${fmt(growth, 1)} MB (idle ${fmt(csv.idleRssMb)} MB, highest while streaming ${fmt(csv.maxRssMb)} MB)` : 'needs scenario 7'));
  }
  return targets;
}
