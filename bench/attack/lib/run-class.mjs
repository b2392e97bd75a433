// One class of the campaign against a freshly started server: victim warm-up, victim alone
// (baseline), the class's attack with the victim beside it, a short settle, and the figures.
// A fresh server per class keeps classes apart: one class's memory, cache contents or spent
// budgets do not carry into the next, and a class that brings the server down costs only itself.
import { join } from 'node:path';
import { freePort } from '../../load/lib/cluster.mjs';
import { startApi, jitSeconds, runtimeCounters } from '../../load/lib/servers.mjs';
import { warmUntilJitSettles } from '../../load/lib/load.mjs';
import { memoryOf } from '../../load/lib/memory.mjs';
import { startMonitor } from './monitor.mjs';
import { inWorker } from './worker.mjs';
import { percentile } from '../../load/lib/percentile.mjs';

const VICTIM = new URL('./victim.mjs', import.meta.url);
const WARMUP_SECONDS = 3;
const SETTLE_MS = 3000;
// The server gives memory back once it has been quiet for Memory:ReleaseAfterIdleSeconds (10 s by default), checked on
// a timer of that period: two periods and a margin after the class's last request, what it kept is what stays.
const QUIET_MS = 25000;
const sleep = ms => new Promise(r => setTimeout(r, ms));

function latency(victim) {
  const of = values => {
    const sorted = [...values].sort((a, b) => a - b);
    // NaN rather than null when the victim had no answer: a ratio of NaN fails the class's target.
    const at = p => percentile(sorted, p) ?? NaN;
    return { count: values.length, p50: at(50), p90: at(90), p99: at(99), mean: values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length) };
  };
  return {
    rest: of(victim.samples.rest), graphql: of(victim.samples.graphql), failures: victim.failures, cacheHits: victim.cacheHits,
    slowest: victim.slowest,
  };
}

/**
 * @param cls      a class from classes/index.mjs
 * @param setup    { dll, settings, logDir, cluster, database, shapes }
 * @param options  { seconds, baseline, rssCapMb }
 */
export async function runClass(cls, setup, options) {
  const server = await startApi({
    dll: setup.dll, port: await freePort(), metricsPort: await freePort(), settings: setup.settings, readyPath: '/readyz',
    logFile: join(setup.logDir, `api-${cls.number}-${cls.meta.key}.log`),
  });
  const base = server.baseUrl;
  const entry = { number: cls.number, key: cls.meta.key, title: cls.meta.title, what: cls.meta.what, notes: [] };
  let monitor;
  try {
    monitor = await startMonitor({ pid: server.pid, databaseUrl: setup.cluster.url(setup.database), database: setup.database });
    const victim = (seconds, first) => inWorker(VICTIM, 'runVictim', { base, seconds, first, pricesField: setup.shapes.pricesWindow });
    const run = async worker => { await worker.ready; worker.start(); return worker.result; };
    if (options.rehearse > 0) {
      await rehearse(cls, { base, shapes: setup.shapes }, options.rehearse);
      entry.rehearsalSeconds = options.rehearse;
    }
    // The victim's baseline is the server's quiet steady state: a fresh runtime moves its hot methods to tier 1 for
    // about 15 s after the first requests (half a core of JIT on this machine, `dotnet-trace`), so the victim keeps
    // warming up until that settles, as the load harness does, and neither phase measures a fresh process's tiering.
    await run(victim(WARMUP_SECONDS, 0));
    const compiledSoFar = () => jitSeconds(server.metricsUrl);
    let offset = 100;
    const warmup = await warmUntilJitSettles(seconds => run(victim(seconds, offset += 100)), compiledSoFar);
    entry.warmupSeconds = WARMUP_SECONDS + warmup.seconds;
    entry.jitSettled = warmup.settled;
    entry.baseline = latency(await run(victim(options.baseline, 2000)));
    entry.idleRssMb = memoryOf(server.pid).rssMb;

    const prepared = cls.prepare ? await cls.prepare({ base }) : undefined;
    // Both threads load their modules first; the clock starts when both can begin at once.
    const attack = inWorker(cls.url, 'attack', { base, shapes: setup.shapes, prepared });
    const underAttack = victim(options.seconds, 8000);
    await Promise.all([attack.ready, underAttack.ready]);
    monitor.reset();
    const countersBefore = await runtimeCounters(server.metricsUrl);
    const deadline = Date.now() + options.seconds * 1000;
    attack.start({ deadline });
    underAttack.start();
    // The attack ends at its deadline, in-flight requests included, or earlier at the safety cap.
    const stopAt = setTimeout(() => attack.stop(), options.seconds * 1000);
    const guard = setInterval(() => {
      const rss = monitor.peak().rssMb;
      if (rss > options.rssCapMb && !entry.safetyStop) {
        entry.safetyStop = `attack stopped after ${((options.seconds * 1000 - (deadline - Date.now())) / 1000).toFixed(1)} s: server RSS ${rss.toFixed(0)} MB passed the ${options.rssCapMb} MB safety cap`;
        attack.stop();
      }
    }, 100);
    try {
      entry.attack = await attack.result;
    } finally {
      clearTimeout(stopAt);
      clearInterval(guard);
    }
    entry.underAttack = latency(await underAttack.result);
    entry.attackPeak = monitor.peak();
    const countersAfter = await runtimeCounters(server.metricsUrl);
    // JIT work the attack's own request paths cost (first calls and their move to tier 1), and the collections its
    // allocations caused (each pauses every request, the victim's too): part of what the victim met.
    entry.attackRuntime = runtimeDuring(countersBefore, countersAfter);
    await sleep(SETTLE_MS);
    if (server.exited !== null) {
      entry.notes.push(`the server exited (${server.exited}) during the class; see its log`);
      entry.peakRssMb = entry.attackPeak.rssMb;
    } else {
      const memory = memoryOf(server.pid);
      entry.rssSettledMb = memory.rssMb;
      entry.peakRssMb = Math.max(memory.peakMb, entry.attackPeak.rssMb);
      if (cls.after) entry.notes.push(...await cls.after({ base }, prepared));
      await sleep(QUIET_MS);
      entry.rssAfterMb = memoryOf(server.pid).rssMb;
      entry.quietSeconds = QUIET_MS / 1000;
    }
    if (entry.safetyStop) entry.notes.push(entry.safetyStop);
    entry.notes.push(...(entry.attack.notes ?? []));
    entry.probeFailures = (entry.attack.findings ?? []).filter(f => !f.ok).length;
  } finally {
    await monitor?.stop();
    await server.stop();
  }
  return entry;
}

// The class's attack for `seconds`, from the rehearsal's addresses; what it did is not kept. Its figures would be the
// first contact's, which the campaign without --rehearse measures.
async function rehearse(cls, { base, shapes }, seconds) {
  const prepared = cls.prepare ? await cls.prepare({ base }) : undefined;
  const attack = inWorker(cls.url, 'attack', { base, shapes, prepared, rehearsal: true });
  await attack.ready;
  attack.start({ deadline: Date.now() + seconds * 1000 });
  const stopAt = setTimeout(() => attack.stop(), seconds * 1000);
  try {
    await attack.result;
  } finally {
    clearTimeout(stopAt);
  }
}

// What the runtime did between two readings of its counters; null members where either reading does not say.
function runtimeDuring(before, after) {
  const change = key => before?.[key] != null && after?.[key] != null ? after[key] - before[key] : null;
  let gcCollections = null;
  if (before?.gcCollections && after?.gcCollections) {
    gcCollections = Object.fromEntries(Object.entries(after.gcCollections)
      .map(([generation, n]) => [generation, n - (before.gcCollections[generation] ?? 0)]));
  }
  return { jitSeconds: change('jitSeconds'), gcPauseSeconds: change('gcPauseSeconds'), gcCollections };
}
