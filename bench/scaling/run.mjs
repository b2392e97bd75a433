// The scale-out figures of docs/scaling.md in one command (see ./run.sh --help). Reuses the load harness's cluster,
// publish, API start-up and CPU accounting (bench/load/lib) and runs compose.yaml's shape on loopback: a primary and
// a streaming hot standby (the API's reader), Redis, HAProxy with deploy/haproxy.cfg, one or three API processes.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { freePort, startCluster } from '../load/lib/cluster.mjs';
import { processSeconds, selfSeconds, treeSeconds } from '../load/lib/cpu.mjs';
import { machine, publishApi, sh } from '../load/lib/publish.mjs';
import { runApiVerb, startApi } from '../load/lib/servers.mjs';
import { destroyAgents } from '../attack/lib/http.mjs';
import { runFaults } from './lib/faults.mjs';
import { HELP, parseArguments, selectScenarios } from './lib/options.mjs';
import { crashPrimary, haproxyEvents, startHaproxy, startRedis, startStandby } from './lib/processes.mjs';
import { measureScripts } from './lib/redis-latency.mjs';
import { markdown, writeScalingDoc } from './lib/report.mjs';
import { checkClasses, pacedLatency, runMix, workloadSettings } from './lib/workload.mjs';

const BENCH = new URL('.', import.meta.url).pathname;
const REPO = resolve(BENCH, '../..');
const OUT = join(BENCH, 'out');
const DATABASE = 'depin_scaling';
const sleep = ms => new Promise(r => setTimeout(r, ms));
const kindList = kinds => Object.entries(kinds).map(([kind, count]) => `${count} × ${kind}`).join(', ');
const loadAverage = () => os.loadavg().map(n => n.toFixed(2)).join(' ');

function build(options) {
  const dll = join(OUT, 'api', 'DepinApi.dll');
  if (options.reuseBuild && existsSync(dll)) {
    console.log('reusing the previous build in bench/scaling/out/api');
    const stamp = join(OUT, 'api', '.commit');
    return { dll, commit: existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : `${sh('git', ['rev-parse', '--short', 'HEAD'], REPO)} (reused build)` };
  }
  const built = publishApi({ repo: REPO, out: OUT, worktree: options.worktree });
  writeFileSync(join(OUT, 'api', '.commit'), built.commit);
  return built;
}

/** A copy of seed-data with one project renamed: importing it makes data version 2. */
function changedSeed() {
  const directory = join(OUT, 'seed-changed');
  rmSync(directory, { recursive: true, force: true });
  cpSync(join(REPO, 'seed-data'), directory, { recursive: true });
  const projects = join(directory, 'projects.csv');
  const text = readFileSync(projects, 'utf8');
  if (!text.includes('\nhelium,Helium,')) throw new Error('seed-data/projects.csv: the helium row was not found');
  writeFileSync(projects, text.replace('\nhelium,Helium,', '\nhelium,Helium Network,'));
  return directory;
}

/** CPU seconds of every process of a scenario, read from /proc before and after the measured load. */
function cpuMeter({ apis, redis, haproxy, primaryPid, standby }) {
  const read = () => ({
    api: apis.reduce((s, a) => s + processSeconds(a.pid), 0),
    redis: redis ? processSeconds(redis.pid) : 0,
    haproxy: haproxy ? processSeconds(haproxy.pid) : 0,
    postgres: treeSeconds(primaryPid) + treeSeconds(standby.pid),
    loadGenerator: selfSeconds(),
    wall: performance.now() / 1000,
  });
  const start = read();
  return () => {
    const end = read();
    return Object.fromEntries(Object.keys(end).map(k => [k, end[k] - start[k]]));
  };
}

/**
 * The round whose requests per API CPU-second is the median of the scenario's rounds, with every round's figure kept
 * beside it; a round that failed counts only when all did.
 */
function medianRound(entries) {
  const done = entries.filter(e => e.saturated && e.cpu?.api > 0);
  if (done.length === 0) return entries.at(-1);
  const perCpu = e => e.saturated.requests / e.cpu.api;
  const sorted = [...done].sort((x, y) => perCpu(x) - perCpu(y));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  // A failure in another round is reported too, not hidden behind the median.
  const otherKinds = {};
  for (const e of done.filter(e => e !== median))
    for (const [kind, count] of Object.entries(e.saturated.kinds ?? {})) otherKinds[kind] = (otherKinds[kind] ?? 0) + count;
  return {
    ...median, roundsPerApiCpuSecond: entries.length > 1 ? done.map(perCpu) : undefined, failedRounds: entries.length - done.length,
    otherRoundsKinds: entries.length > 1 ? otherKinds : undefined,
  };
}

/**
 * Scenarios a and b run minutes apart, and on a busy machine their latencies differ by more than Redis could add.
 * Here both run at once, side by side under the same light load, so whatever else the machine does falls on both:
 * the difference is what Redis adds. Both processes are warmed up first.
 */
async function pairedLatency({ dll, apiSettings, logFile, logDir, options }) {
  const redis = await startRedis({ logFile: join(logDir, 'redis-paired.log') });
  const servers = [];
  try {
    const start = async (key, extra) => {
      const api = await startApi({ dll, port: await freePort(), settings: { ...apiSettings, ...extra }, readyPath: '/readyz', logFile: logFile(key) });
      servers.push(api);
      return api;
    };
    const [without, withRedis] = await Promise.all([
      start('paired-a', {}),
      start('paired-b', { 'ConnectionStrings:Redis': redis.connectionString, 'Redis:KeyPrefix': 'bench:' }),
    ]);
    await Promise.all([checkClasses(without.baseUrl), checkClasses(withRedis.baseUrl)]);
    // Twice the scenarios' warm-up: two processes starting at once share the machine while their code is compiled.
    if (options.warmup > 0)
      await Promise.all([without, withRedis].map(api => runMix(api.baseUrl, { seconds: options.warmup * 2, connections: options.connections })));
    const light = { seconds: options.light * 2, ratePerClass: options.rate };
    const [a, b] = await Promise.all([pacedLatency(without.baseUrl, light), pacedLatency(withRedis.baseUrl, light)]);
    const added = Object.fromEntries(Object.keys(a.byClass).map(k => [k, {
      p50Ms: b.byClass[k].p50Ms - a.byClass[k].p50Ms, p99Ms: b.byClass[k].p99Ms - a.byClass[k].p99Ms,
    }]));
    return { without: a, withRedis: b, added, seconds: light.seconds };
  } finally {
    destroyAgents();
    for (const api of servers) await api.stop();
    await redis.stop();
  }
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exitCode = 2;
    return;
  }
  if (options.help) return console.log(HELP);
  const started = performance.now();
  const logDir = join(OUT, 'logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const run = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['bench/scaling/run.sh', ...process.argv.slice(2)].join(' '),
    machine: machine(REPO),
    loadBefore: loadAverage(),
    options,
    scenarios: [],
    errors: [],
  };
  const { dll, commit } = build(options);
  run.commit = commit;
  run.haproxy = sh('haproxy', ['-v']).split('\n')[0].replace(/ - https.*/, '');
  run.redis = sh('redis-server', ['--version']).replace(/ sha=.*/, '');

  const pgDirectory = join(os.tmpdir(), `depin-scaling-pg-${process.pid}`);
  const cluster = await startCluster(pgDirectory);
  run.postgres = cluster.version;
  const running = [];
  let standby;
  const cleanUp = async () => {
    for (const p of running.splice(0).reverse()) await p.stop();
    standby?.stop();
    cluster.stop();
    rmSync(pgDirectory, { recursive: true, force: true });
  };
  process.once('SIGINT', async () => { await cleanUp(); process.exit(130); });
  try {
    console.log('importing the seed data, then copying the primary into a hot standby ...');
    await cluster.createDatabase(DATABASE);
    const primary = cluster.npgsql(DATABASE);
    const adminSettings = { 'ConnectionStrings:Depin': primary, 'ConnectionStrings:DepinAdmin': primary };
    await runApiVerb({ dll, args: ['migrate'], settings: adminSettings, logFile: join(logDir, 'migrate.log') });
    await runApiVerb({ dll, args: ['import', join(REPO, 'seed-data')], settings: adminSettings, logFile: join(logDir, 'import.log') });
    standby = await startStandby({ cluster, directory: join(os.tmpdir(), `depin-scaling-standby-${process.pid}`) });
    const password = new URL(cluster.url('postgres')).password;
    // As compose.yaml: reads from the standby, the primary only while the standby is away.
    const reader = `Host=127.0.0.1:${standby.port},127.0.0.1:${cluster.port};Database=${DATABASE};Username=bench_owner;` +
      `Password=${decodeURIComponent(password)};Target Session Attributes=prefer-standby`;
    const apiSettings = {
      ...workloadSettings(),
      'ConnectionStrings:Depin': reader,
      'ConnectionStrings:DepinAdmin': primary,
      'Database:MigrateOnStartup': 'false',
      'Database:ImportSeedWhenEmpty': 'false',
      'Database:VersionPollSeconds': '1',
    };

    let apiCount = 0;
    const logFile = key => join(logDir, `api-${String(++apiCount).padStart(2, '0')}-${key}.log`);
    const selected = selectScenarios(options.only).map(s => s.key);
    if (selected.includes('a') && selected.includes('b')) {
      console.log('Redis\'s added latency, side by side: one replica without Redis and one with it, under the same light load at once ...');
      run.paired = await pairedLatency({ dll, apiSettings, logFile, logDir, options });
      const d = run.paired.added;
      console.log(`  added p50 / p99 ms: ${Object.entries(d).map(([k, v]) => `${k} ${v.p50Ms.toFixed(2)} / ${v.p99Ms.toFixed(2)}`).join(', ')}`);
    }
    // Rounds take the scenarios in turn (a, b, c1, c3, a, b, …), so a stretch of a busy machine falls on all of them.
    const order = Array.from({ length: options.rounds }, (_, round) => selectScenarios(options.only).map(s => ({ ...s, round }))).flat();
    const rounds = new Map();
    for (const scenario of order) {
      console.log(`scenario ${scenario.key}: ${scenario.title}${options.rounds > 1 ? ` (round ${scenario.round + 1} of ${options.rounds})` : ''}`);
      const entry = { key: scenario.key, title: scenario.title, replicas: scenario.replicas };
      const lastRound = scenario.round === options.rounds - 1;
      const stack = [];
      const own = p => { stack.push(p); running.push(p); return p; };
      try {
        const redis = scenario.redis ? own(await startRedis({ logFile: join(logDir, `redis-${scenario.key}.log`) })) : null;
        const settings = { ...apiSettings, ...(redis ? { 'ConnectionStrings:Redis': redis.connectionString, 'Redis:KeyPrefix': 'bench:' } : {}) };
        const apis = await Promise.all(Array.from({ length: scenario.replicas }, async () => {
          const port = await freePort();
          const api = await startApi({ dll, port, settings, readyPath: '/readyz', logFile: logFile(scenario.key) });
          return own({ ...api, port });
        }));
        const ports = apis.map(a => a.port);
        const haproxy = scenario.haproxy
          ? own(await startHaproxy({ repo: REPO, replicaPorts: ports.length === 3 ? ports : [ports[0], ports[0], ports[0]], logFile: join(logDir, `haproxy-${scenario.key}.log`) }))
          : null;
        await haproxy?.untilAllUp();
        const base = haproxy ? haproxy.baseUrl : apis[0].baseUrl;
        await checkClasses(base);
        if (options.warmup > 0) await runMix(base, { seconds: options.warmup, connections: options.connections });
        await sleep(500);
        const stopMeter = cpuMeter({ apis, redis, haproxy, primaryPid: cluster.pid, standby });
        const statsBefore = await haproxy?.stats();
        entry.saturated = await runMix(base, { seconds: options.seconds, connections: options.connections });
        entry.cpu = stopMeter();
        if (haproxy) entry.saturated.haproxy = haproxyEvents(statsBefore, await haproxy.stats());
        entry.light = await runMix(base, { seconds: options.light, connections: 1, ratePerClass: options.rate });
        const s = entry.saturated;
        console.log(`  ${s.rps.toFixed(0)} req/s, ${s.failed} failed, ${s.shed} shed${Object.keys(s.kinds).length ? ` (${kindList(s.kinds)})` : ''}; API ${entry.cpu.api.toFixed(1)} CPU-s ` +
          `(${(s.requests / entry.cpu.api).toFixed(0)} req/CPU-s), Redis ${entry.cpu.redis.toFixed(1)}, HAProxy ${entry.cpu.haproxy.toFixed(1)}, ` +
          `Postgres ${entry.cpu.postgres.toFixed(1)}, load generator ${entry.cpu.loadGenerator.toFixed(1)} CPU-s`);
        for (const [server, events] of Object.entries(s.haproxy ?? {}))
          console.log(`  HAProxy, ${server}: ${JSON.stringify(events)}`);
        if (scenario.redis && !run.scripts) {
          console.log('  the budget scripts alone (redis-benchmark, one connection) ...');
          run.scripts = measureScripts({ repo: REPO, port: redis.port, calls: options.scriptCalls });
        }
        if (scenario.replicas === 3 && options.faults && lastRound) {
          const seed = changedSeed();
          run.faults = await runFaults({
            haproxy, replicas: apis, redis, standby, logDir, seconds: options.faultSeconds, workers: 6,
            importChangedSeed: () => runApiVerb({ dll, args: ['import', seed], settings: adminSettings, logFile: join(logDir, 'import-2.log') }),
            crashPrimary: () => crashPrimary(pgDirectory),
          });
        }
      } catch (e) {
        entry.error = e.message.split('\n')[0];
        run.errors.push(`${scenario.key}${options.rounds > 1 ? ` (round ${scenario.round + 1})` : ''}: ${entry.error}`);
        console.log(`  the harness failed in this scenario: ${e.message}`);
      } finally {
        for (const p of stack.reverse()) {
          await p.stop();
          running.splice(running.indexOf(p), 1);
        }
      }
      rounds.set(scenario.key, [...(rounds.get(scenario.key) ?? []), entry]);
    }
    run.scenarios = [...rounds.values()].map(medianRound);
  } finally {
    await cleanUp();
  }
  run.loadAfter = loadAverage();
  run.seconds = (performance.now() - started) / 1000;
  const text = markdown(run);
  console.log(`\n${text}\n`);
  writeFileSync(join(OUT, 'last-run.json'), JSON.stringify(run, null, 2));
  writeFileSync(join(OUT, 'last-run.md'), `${text}\n`);
  if (options.writeDocs) {
    writeScalingDoc(join(REPO, 'docs', 'scaling.md'), run);
    console.log('wrote docs/scaling.md');
  }
  if (run.errors.length) process.exitCode = 1;
}

main().catch(e => { console.error(e.stack ?? e); process.exitCode = 1; });
