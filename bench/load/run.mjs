// The load harness of the performance issue, in one command (see ./run.sh and docs/performance.md):
// a private Postgres with the seed data and a synthetic scale set, the API published in Release
// and started fresh for each scenario, PostGraphile 5 beside it, autocannon on loopback, and the
// figures, ratios and targets printed and written to docs/performance.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { freePort, startCluster } from './lib/cluster.mjs';
import { createSeedDatabase, createSyntheticScaleSet, SEED_DB, SYNTHETIC_DB } from './lib/datasets.mjs';
import { jitSeconds, startApi, startEmptyApp, startPostGraphile } from './lib/servers.mjs';
import { withClient } from './lib/cluster.mjs';
import { readFileSync } from 'node:fs';
import { fmtNon2xx, isCacheHit, measure } from './lib/load.mjs';
import { memoryOf, sampleRss } from './lib/memory.mjs';
import { processSeconds, selfSeconds, treeSeconds } from './lib/cpu.mjs';
import { NotMeasured, SCENARIOS } from './lib/scenarios.mjs';
import { COMMON, CACHE_ON } from './lib/settings.mjs';
import { evaluateTargets } from './lib/targets.mjs';
import { printReport, writePerformanceDoc } from './lib/report.mjs';
import { machine, publishApi, publishEmptyApp } from './lib/publish.mjs';

const BENCH = new URL('.', import.meta.url).pathname;
const REPO = resolve(BENCH, '../..');
const OUT = join(BENCH, 'out');
const sleep = ms => new Promise(r => setTimeout(r, ms));

function parseArguments(argv) {
  const options = { duration: 10, warmup: 20, connections: 32, only: null, worktree: false, writeDoc: true, coldStarts: 3, scale: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--duration') options.duration = Number(value());
    else if (arg === '--warmup') options.warmup = Number(value());
    else if (arg === '--connections') options.connections = Number(value());
    else if (arg === '--only') options.only = value().split(',');
    else if (arg === '--worktree') options.worktree = true;
    else if (arg === '--no-doc') options.writeDoc = false;
    else if (arg === '--cold-starts') options.coldStarts = Number(value());
    else if (arg === '--scale') options.scale = true;
    else if (arg === '--reuse-build') options.reuse = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(`Usage: bench/load/run.sh [--duration S] [--warmup S] [--connections N] [--only 1,2,...] [--cold-starts N] [--scale] [--reuse-build] [--worktree] [--no-doc]
  --duration S     measured seconds per scenario (default 10)
  --warmup S       unmeasured warm-up seconds before each (default 20); the API's goes on in 2 s steps, up to 30 s more, until its JIT settles
  --connections N  concurrent keep-alive connections (default 32; the CSV scenario uses 2)
  --only LIST      run only these scenario ids (a GraphQL shape's id, e.g. 8, also runs its PostGraphile twin, 8p)
  --cold-starts N  cold starts of the API, each followed by one of the empty minimal-API app (default 3)
  --scale          run the GraphQL shapes (4, 5, 8-12) on the SYNTHETIC scale set (1,000 projects, long series)
                   instead of the seed data, both servers alike
  --reuse-build    measure the build the previous run published (bench/load/out/api) instead of publishing again
  --worktree       build the working tree as it is instead of the committed HEAD
  --no-doc         print the figures without rewriting docs/performance.md`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}; see --help`);
  }
  return options;
}

const loadAverage = () => os.loadavg().map(n => n.toFixed(2)).join(' ');

async function main() {
  const options = parseArguments(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const logDir = join(OUT, 'logs');
  rmSync(logDir, { recursive: true, force: true });
  const run = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['bench/load/run.sh', ...process.argv.slice(2)].join(' '),
    machine: machine(REPO),
    loadBefore: loadAverage(),
    options,
    scenarios: [],
  };
  const { dll, commit } = options.reuse ? reusePublished(OUT) : publishApi({ repo: REPO, out: OUT, worktree: options.worktree });
  run.commit = commit;
  const emptyDll = options.coldStarts > 0 ? publishEmptyApp({ bench: BENCH, out: OUT }) : null;
  const cluster = await startCluster(process.env.BENCH_PG_DIR ?? join(os.tmpdir(), 'depin-bench-pg'));
  run.postgres = cluster.version;
  const running = new Set();
  const stopAll = async () => { for (const server of running) await server.stop(); running.clear(); };
  process.once('SIGINT', async () => { await stopAll(); cluster.stop(); process.exit(130); });
  try {
    const connectionFor = database => cluster.npgsql(database === 'seed' ? SEED_DB : SYNTHETIC_DB);
    const seedDirectory = join(REPO, 'seed-data');
    const apiSettings = (database, extra) => ({
      ...COMMON, ...extra,
      'ConnectionStrings:Depin': connectionFor(database),
      'ConnectionStrings:DepinAdmin': connectionFor(database),
      'Database:ImportSeedWhenEmpty': database === 'seed' ? 'true' : 'false',
      'Database:SeedDirectory': seedDirectory,
    });
    let logCount = 0;
    const api = async (database, extra, readyPath = '/readyz') => {
      const server = await startApi({
        dll, port: await freePort(), metricsPort: await freePort(), settings: apiSettings(database, extra), readyPath,
        logFile: join(logDir, `api-${String(++logCount).padStart(2, '0')}-${database}.log`),
      });
      running.add(server);
      return server;
    };
    const stop = async server => { const stopped = await server.stop(); running.delete(server); return stopped; };

    // Seed database: the API's first start migrates it and imports seed-data.
    await createSeedDatabase({ cluster });
    let server = await api('seed', CACHE_ON);
    run.firstStartMs = server.firstOkMs;
    const hasProjects = (await fetch(`${server.baseUrl}/v1/projects`)).status === 200;
    run.firstStopMs = (await stop(server)).ms;
    await addSecondVersion(cluster.url(SEED_DB));

    // Cold start: a new process over the populated seed database, until its first 200 on real data.
    const coldPath = hasProjects ? '/v1/projects' : '/readyz';
    run.coldStart = { path: coldPath, ms: [] };
    // Alternating with the empty minimal-API app, started the same way, so both meet the same machine.
    run.emptyColdStart = { path: '/', ms: [] };
    for (let i = 0; i < options.coldStarts; i++) {
      server = await api('seed', CACHE_ON, coldPath);
      run.coldStart.ms.push(server.firstOkMs);
      run.coldStart.rssMb = memoryOf(server.pid).rssMb;
      await stop(server);
      const empty = await startEmptyApp({ dll: emptyDll, port: await freePort(), logFile: join(logDir, `empty-app-${i + 1}.log`) });
      running.add(empty);
      run.emptyColdStart.ms.push(empty.firstOkMs);
      await stop(empty);
    }
    if (options.coldStarts > 0)
      console.log(`cold start to first 200 on ${coldPath}: ${run.coldStart.ms.map(ms => ms.toFixed(0) + ' ms').join(', ')}; ` +
        `empty minimal-API app: ${run.emptyColdStart.ms.map(ms => ms.toFixed(0) + ' ms').join(', ')}`);

    const wanted = SCENARIOS
      .filter(s => !options.only || options.only.includes(s.id) || options.only.includes(s.id.replace(/p$/, '')))
      .map(s => (options.scale && s.scalable ? { ...s, database: 'synthetic', title: `${s.title} [SYNTHETIC scale set]` } : s));
    run.scale = options.scale;
    if (wanted.some(s => s.database === 'synthetic')) {
      console.log('generating the synthetic scale set ...');
      run.synthetic = await createSyntheticScaleSet({ cluster, dll, logDir });
      await addSecondVersion(cluster.url(SYNTHETIC_DB));
      console.log(`  ${JSON.stringify(run.synthetic.counts)} in ${run.synthetic.generationSeconds.toFixed(1)} s`);
    }

    for (const scenario of wanted) {
      console.log(`scenario ${scenario.id}: ${scenario.title}`);
      const entry = { id: scenario.id, key: scenario.key, title: scenario.title, shape: scenario.shape, server: scenario.server,
        database: scenario.database, runs: [] };
      run.scenarios.push(entry);
      let target;
      let base;
      try {
        if (scenario.server === 'postgraphile') {
          target = await startPostGraphile({
            benchDir: BENCH, node: process.execPath, connectionUrl: cluster.url(scenario.database === 'seed' ? SEED_DB : SYNTHETIC_DB), port: await freePort(),
            logFile: join(logDir, 'postgraphile.log'),
          });
          running.add(target);
          entry.server = 'PostGraphile 5 on Node ' + process.version;
          base = target.url;
        } else {
          target = await api(scenario.database, scenario.settings);
          entry.server = 'DepinApi (Release)';
          base = target.baseUrl;
        }
        await sleep(1000);
        entry.idleBeforeMb = memoryOf(target.pid).rssMb;
        const requests = await scenario.requests(base);
        entry.cache = await cacheState(requests[0].request);
        for (const { label, request, ...facts } of requests) {
          facts.responseBytes ??= await responseBytes(request);
          await sleep(1000);
          const idleMb = memoryOf(target.pid).rssMb;
          const sampler = sampleRss(target.pid);
          const result = await measure(request, {
            connections: scenario.connections ?? options.connections,
            durationSeconds: options.duration,
            warmupSeconds: options.warmup,
            timeoutSeconds: scenario.timeoutSeconds,
            jitSeconds: target.metricsUrl ? () => jitSeconds(target.metricsUrl) : undefined,
          }, cpuAccounting(target.pid, cluster.pid));
          const { maxRssMb } = sampler.stop();
          const { around: cpu, ...load } = result;
          const figures = { label, ...facts, ...load, cpu, idleRssMb: idleMb, maxRssMb, peakRssMb: memoryOf(target.pid).peakMb };
          entry.runs.push(figures);
          console.log(`  ${label}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms?.toFixed(2)} ms, p99 ${result.p99Ms?.toFixed(2)} ms, ` +
            `non-2xx ${fmtNon2xx(result)}, errors ${result.errors}, peak RSS ${figures.peakRssMb.toFixed(0)} MB, ` +
            `warm-up ${result.warmupSeconds} s${result.jitSettled === false ? ' (still compiling at its end)' : ''}`);
        }
      } catch (e) {
        if (!(e instanceof NotMeasured)) throw e;
        entry.notMeasured = e.message;
        console.log(`  not measured: ${e.message}`);
      } finally {
        // How long the server takes to exit on SIGTERM once the load is over (idle keep-alive connections left open).
        if (target) entry.stopMs = (await stop(target)).ms;
      }
    }
  } finally {
    await stopAll();
    cluster.stop();
  }
  run.loadAfter = loadAverage();
  run.targets = evaluateTargets(run);
  printReport(run);
  writeFileSync(join(OUT, 'last-run.json'), JSON.stringify(run, null, 2));
  if (options.writeDoc) {
    writePerformanceDoc(join(REPO, 'docs', 'performance.md'), run);
    console.log('wrote docs/performance.md');
  }
}

/** The API the previous run published, and the commit it named. */
function reusePublished(out) {
  const dll = join(out, 'api', 'DepinApi.dll');
  const commit = JSON.parse(readFileSync(join(out, 'api', 'bench-commit.json'), 'utf8')).commit;
  console.log(`reusing the published API of ${commit}`);
  return { dll, commit: `${commit} (build reused)` };
}

/**
 * Adds a data version in which one revenue figure is stated again unchanged (superseded by an identical copy), so
 * that data version 1 is a past one for the `asOf` shape. No figure changes.
 */
async function addSecondVersion(url) {
  await withClient(url, client => client.query(readFileSync(join(BENCH, 'lib', 'second-version.sql'), 'utf8')));
}

/**
 * Whether the output cache answered: the server says so in `Server-Timing` (`cache;desc="hit"`)
 * on the responses it serves from memory, so a second identical request shows it.
 */
async function cacheState(request) {
  if (request.method === 'POST') return 'n/a (POST)';
  for (let i = 0; i < 2; i++) {
    const response = await fetch(request.url, { headers: request.headers });
    await response.arrayBuffer();
    if (i === 1) return isCacheHit(response.headers.get('server-timing')) ? 'on (cache hit seen)' : 'off (no cache hit)';
  }
}

/** CPU seconds of the server, Postgres and the load generator over the measured part of a run. */
function cpuAccounting(serverPid, postgresPid) {
  let start;
  const now = () => ({ server: processSeconds(serverPid), postgres: treeSeconds(postgresPid), loadGenerator: selfSeconds(), wall: performance.now() / 1000 });
  return {
    begin() { start = now(); },
    end() {
      const end = now();
      return Object.fromEntries(Object.keys(end).map(k => [k, end[k] - start[k]]));
    },
  };
}

/** The size of one response body, as the load generator receives it. */
async function responseBytes(request) {
  const response = await fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  return (await response.arrayBuffer()).byteLength;
}

const started = performance.now();
main().then(
  () => console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`),
  e => { console.error(e.stack ?? e); process.exitCode = 1; });
