// Cold starts of several builds or settings compared start by start (see docs/performance.md, *Cold start*):
// one start of each in turn, round after round, so that every candidate meets the same machine. Starts compared in
// sets (three of one, then three of the other) moved by a fifth from one set to the next on this machine, more than
// the changes they were to measure.
//
//   bench/load/run.sh cold-start-ab [--starts N] LABEL=PUBLISH_DIR_OR_DLL[,KEY=VALUE...] ...
//
// An API build is started as the load harness starts it (its settings, a private cluster with the seed data) and
// timed to its first 200 on GET /v1/projects; a build whose DLL is EmptyApp.dll is timed to its first 200 on `/`.
// KEY=VALUE pairs are environment variables for that candidate (DOTNET_…, or settings as Section__Key). Without an
// empty app among the candidates, the harness's own (bench/load/empty-app, published as the harness publishes it)
// is added as `empty`, and each API candidate's ratio to it is printed.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { freePort, startCluster } from './lib/cluster.mjs';
import { createSeedDatabase, SEED_DB } from './lib/datasets.mjs';
import { startApi, startEmptyApp } from './lib/servers.mjs';
import { memoryOf } from './lib/memory.mjs';
import { processSeconds } from './lib/cpu.mjs';
import { percentile } from './lib/percentile.mjs';
import { COMMON, CACHE_ON } from './lib/settings.mjs';
import { publishEmptyApp } from './lib/publish.mjs';

const BENCH = new URL('.', import.meta.url).pathname;
const OUT = join(BENCH, 'out');
const EMPTY_DLL = 'EmptyApp.dll';

function parseArguments(argv) {
  const options = { starts: 8, candidates: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--starts') options.starts = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: bench/load/run.sh cold-start-ab [--starts N] LABEL=PUBLISH_DIR_OR_DLL[,KEY=VALUE...] ...');
      process.exit(0);
    } else {
      const [head, ...environment] = arg.split(',');
      const at = head.indexOf('=');
      if (at < 1) throw new Error(`expected LABEL=PUBLISH_DIR_OR_DLL, got ${arg}; see --help`);
      const label = head.slice(0, at);
      if (options.candidates.some(candidate => candidate.label === label)) throw new Error(`two candidates are labelled ${label}`);
      options.candidates.push(candidateOf(label, dllOf(head.slice(at + 1)), pairsOf(environment, arg)));
    }
  }
  if (!(Number.isInteger(options.starts) && options.starts >= 1)) throw new Error('--starts takes a whole number of at least 1');
  if (options.candidates.length === 0) throw new Error('name at least one candidate; see --help');
  return options;
}

function dllOf(given) {
  // Relative to the folder the caller ran run.sh from (run.sh itself runs from bench/load).
  const path = resolve(process.env.BENCH_CALLER_DIR ?? process.cwd(), given);
  if (!existsSync(path)) throw new Error(`${given} does not exist; name a publish folder or its DLL`);
  if (statSync(path).isFile()) return path;
  const dll = ['DepinApi.dll', EMPTY_DLL].map(name => join(path, name)).find(existsSync);
  if (dll) return dll;
  throw new Error(`${given} holds neither DepinApi.dll nor ${EMPTY_DLL}`);
}

function pairsOf(pairs, arg) {
  return Object.fromEntries(pairs.map(pair => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`expected KEY=VALUE after the candidate's path, got '${pair}' in ${arg}`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

/** A build or setting to start, with what its starts measured. */
const candidateOf = (label, dll, environment) => ({ label, dll, environment, ms: [], cpuMs: [], rssMb: [] });

const isEmptyApp = candidate => candidate.dll.endsWith(EMPTY_DLL);
const median = values => percentile([...values].sort((a, b) => a - b), 50);

async function startOnce(candidate, cluster, logFile, seeding = {}) {
  if (!isEmptyApp(candidate)) {
    return startApi({
      dll: candidate.dll, port: await freePort(), readyPath: '/v1/projects', logFile,
      // The candidate's own variables last: they win over the harness's settings.
      settings: {
        ...COMMON, ...CACHE_ON, ...seeding,
        'ConnectionStrings:Depin': cluster.npgsql(SEED_DB), 'ConnectionStrings:DepinAdmin': cluster.npgsql(SEED_DB),
        ...candidate.environment,
      },
    });
  }
  // The empty app takes no settings; its variables are lent to it through this process's environment.
  const before = Object.fromEntries(Object.keys(candidate.environment).map(key => [key, process.env[key]]));
  Object.assign(process.env, candidate.environment);
  try {
    return await startEmptyApp({ dll: candidate.dll, port: await freePort(), logFile });
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const logDir = join(OUT, 'cold-start-logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const candidates = [...options.candidates];
  if (!candidates.some(isEmptyApp))
    candidates.push(candidateOf('empty', publishEmptyApp({ bench: BENCH, out: OUT }), {}));
  const api = candidates.find(candidate => !isEmptyApp(candidate));
  // A folder of its own: the load harness's (BENCH_PG_DIR) is wiped when either starts, and both may run at once.
  const cluster = await startCluster(process.env.BENCH_COLD_START_PG_DIR ?? join(os.tmpdir(), 'depin-cold-start-pg'));
  try {
    await createSeedDatabase({ cluster });
    if (api) {
      // The first start migrates and imports the seed data; it is not counted.
      const first = await startOnce(api, cluster, join(logDir, 'first.log'),
        { 'Database:ImportSeedWhenEmpty': 'true', 'Database:SeedDirectory': join(BENCH, '../../seed-data') });
      await first.stop();
    }
    for (let round = 1; round <= options.starts; round++) {
      for (const candidate of candidates) {
        const server = await startOnce(candidate, cluster, join(logDir, `${candidate.label}-${round}.log`));
        candidate.ms.push(server.firstOkMs);
        candidate.cpuMs.push(processSeconds(server.pid) * 1000);
        candidate.rssMb.push(memoryOf(server.pid).rssMb);
        await server.stop();
      }
      console.log(`round ${round}: ${candidates.map(c => `${c.label} ${c.ms.at(-1).toFixed(0)} ms`).join(', ')}`);
    }
  } finally {
    cluster.stop();
  }
  console.log(`\n${options.starts} starts each, in turn (load average now ${os.loadavg().map(n => n.toFixed(2)).join(' ')}):`);
  for (const c of candidates) {
    console.log(`${c.label.padEnd(12)} to the first 200: median ${median(c.ms).toFixed(0)} ms (${Math.min(...c.ms).toFixed(0)}–${Math.max(...c.ms).toFixed(0)}), `
      + `CPU ${median(c.cpuMs).toFixed(0)} ms, RSS ${median(c.rssMb).toFixed(0)} MB`);
  }
  for (const c of candidates.filter(candidate => !isEmptyApp(candidate))) {
    const ratios = candidates.filter(isEmptyApp).map(e => `${(median(c.ms) / median(e.ms)).toFixed(2)}× ${e.label}`);
    console.log(`${c.label.padEnd(12)} ${ratios.join(', ')}`);
  }
}

main().catch(e => {
  console.error(e.message);
  process.exit(1);
});
