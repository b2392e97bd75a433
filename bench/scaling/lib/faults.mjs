// The fault phases, run on the three-replica topology under a steady mixed load through HAProxy: each phase records
// every request (status, latency) before, during and after the fault, plus what the fault's own observer saw
// (HAProxy marking a replica down, the data version each replica serves while its standby lags).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { destroyAgents, send } from '../../attack/lib/http.mjs';
import { percentile } from '../../load/lib/percentile.mjs';
import { CLASSES } from './workload.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** `workers` clients, each sending the three classes in turn, one request at a time, until stopped. */
function steadyLoad(base, workers) {
  const records = [];
  let stopped = false;
  const lists = CLASSES.map(cls => cls.requests());
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; !stopped; i++) {
      const list = lists[i % lists.length];
      const { method, path, headers, body } = list[Math.floor(i / lists.length) % list.length];
      const at = performance.now();
      const r = await send({ base, address: '127.0.0.1', method, path, headers, body, timeoutMs: 10_000 });
      records.push({ at, status: r.status, ms: r.ms, error: r.error });
    }
  });
  return {
    records,
    async stop() { stopped = true; await Promise.all(loops); destroyAgents(); },
  };
}


function summarize(records) {
  const ms = records.map(r => r.ms).sort((a, b) => a - b);
  return {
    requests: records.length,
    ok: records.filter(r => r.status >= 200 && r.status < 300).length,
    refused: records.filter(r => r.status === 429).length,
    serverErrors: records.filter(r => r.status >= 500).length,
    networkErrors: records.filter(r => r.error).length,
    p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99), maxMs: ms.at(-1) ?? null,
  };
}

/** Lines the replicas have logged so far that say Redis did not answer (rate limits or output cache). */
function redisWarnings(logDir) {
  let n = 0;
  for (const file of readdirSync(logDir).filter(f => f.startsWith('api-')))
    n += (readFileSync(join(logDir, file), 'utf8').match(/Redis did not answer/g) ?? []).length;
  return n;
}

/**
 * One phase: `beforeSeconds` of steady load, then `inject()`, `duringSeconds`, `heal()` (if any), `afterSeconds`.
 * Requests are assigned to a window by when they were sent.
 */
async function phase({ base, workers, logDir, beforeSeconds, duringSeconds, afterSeconds, inject, heal, observe }) {
  const warningsBefore = redisWarnings(logDir);
  const load = steadyLoad(base, workers);
  await sleep(beforeSeconds * 1000);
  const injected = performance.now();
  const observer = observe?.(injected);
  await inject();
  await sleep(duringSeconds * 1000);
  const healed = performance.now();
  await heal?.();
  await sleep(afterSeconds * 1000);
  await load.stop();
  const observed = await observer;
  return {
    before: summarize(load.records.filter(r => r.at < injected)),
    during: summarize(load.records.filter(r => r.at >= injected && r.at < healed)),
    after: summarize(load.records.filter(r => r.at >= healed)),
    redisWarnings: redisWarnings(logDir) - warningsBefore,
    ...observed,
  };
}

async function versionOf(port) {
  const r = await fetch(`http://127.0.0.1:${port}/v1/projects`, { headers: { accept: 'application/json', 'x-forwarded-for': '192.0.2.1' } });
  if (r.status !== 200) return `HTTP ${r.status}`;
  return (await r.json()).dataVersion?.id;
}

/**
 * Runs the fault phases in an order that keeps each one's cause alone: Redis killed, Redis frozen, the standby's replay
 * paused across an import, one replica SIGKILLed, and last the primary crashed (nothing after it needs the primary).
 */
export async function runFaults({ haproxy, replicas, redis, standby, importChangedSeed, crashPrimary, logDir, seconds, workers }) {
  const base = haproxy.baseUrl;
  const common = { base, workers, logDir, beforeSeconds: 2, duringSeconds: seconds, afterSeconds: 3 };
  const faults = [];
  const record = async (key, title, spec) => {
    console.log(`  fault: ${title} ...`);
    const result = await phase({ ...common, ...spec });
    faults.push({ key, title, ...result });
    const d = result.during;
    console.log(`    during: ${d.requests} requests, ${d.ok} ok, ${d.serverErrors} 5xx, ${d.networkErrors} network errors, ${d.refused} 429, ` +
      `p50 ${d.p50Ms?.toFixed(1)} ms, p99 ${d.p99Ms?.toFixed(1)} ms, max ${d.maxMs?.toFixed(0)} ms`);
  };

  await record('redisDown', 'Redis killed (SIGKILL), restarted after the fault window', {
    inject: () => redis.kill(),
    heal: () => redis.restart(),
  });
  await record('redisFrozen', 'Redis frozen (SIGSTOP: connections open, no answers), thawed after the fault window', {
    inject: () => redis.freeze(),
    heal: () => redis.thaw(),
  });

  // The standby stops replaying while an import commits on the primary: the replicas (reading the standby) must keep
  // serving the old version whole, then all move to the new one once replay resumes.
  const ports = replicas.map(r => r.port);
  let resumedAt = null;
  await record('standbyLag', 'standby replay paused while an import commits on the primary, then resumed', {
    inject: async () => {
      await standby.pauseReplay();
      await importChangedSeed();
    },
    heal: async () => {
      await standby.resumeReplay();
      resumedAt = performance.now();
    },
    observe: async () => {
      // The versions the replicas serve until replay resumes, then how long until every one names version 2.
      const seen = new Set();
      while (resumedAt === null) {
        for (const v of await Promise.all(ports.map(versionOf))) seen.add(v);
        await sleep(200);
      }
      const deadline = performance.now() + 20_000;
      while (performance.now() < deadline) {
        if ((await Promise.all(ports.map(versionOf))).every(v => v === 2))
          return { versionsWhilePaused: [...seen], caughtUpAfterResumeMs: performance.now() - resumedAt };
        await sleep(100);
      }
      return { versionsWhilePaused: [...seen], caughtUpAfterResumeMs: null };
    },
  });

  const victim = replicas[1];
  await record('replicaKilled', 'one API replica SIGKILLed (not restarted)', {
    inject: () => victim.child.kill('SIGKILL'),
    observe: async injected => {
      const deadline = injected + 20_000;
      while (performance.now() < deadline) {
        const status = (await haproxy.servers()).api2 ?? '';
        if (status.startsWith('DOWN')) return { markedDownAfterMs: performance.now() - injected };
        await sleep(50);
      }
      return { markedDownAfterMs: null };
    },
  });

  await record('primaryDown', 'the Postgres primary crashed (pg_ctl -m immediate), not restarted', {
    inject: () => crashPrimary(),
    observe: async () => {
      await sleep((seconds + 0.5) * 1000);
      return { haproxyServers: await haproxy.servers() };
    },
  });
  return faults;
}
