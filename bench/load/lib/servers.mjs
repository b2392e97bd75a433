// Starting and stopping the servers under test: the published API (`dotnet DepinApi.dll`) and
// PostGraphile 5 (run with the Node 22 binary that the bench's own packages pin).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const sleep = ms => new Promise(r => setTimeout(r, ms));

function launch(command, args, { env, cwd, logFile }) {
  mkdirSync(join(logFile, '..'), { recursive: true });
  // The server writes its output to the log file itself. Piped through this process, every log line (the API writes
  // one per request) would be copied by the event loop that also drives autocannon, slowing the load generator for
  // servers that log and not for those that do not.
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = null;
  child.on('exit', code => { exited = code ?? 'signal'; });
  return {
    child,
    pid: child.pid,
    get exited() { return exited; },
    /** SIGTERM, then SIGKILL after `patienceMs`; resolves to { ms } from the signal to the exit, and whether it was killed. */
    async stop(patienceMs = 10_000) {
      if (exited !== null) return { ms: 0, killed: false };
      const done = new Promise(r => child.once('exit', r));
      const signalled = performance.now();
      child.kill('SIGTERM');
      let killed = false;
      const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, patienceMs);
      await done;
      clearTimeout(timer);
      return { ms: performance.now() - signalled, killed };
    },
  };
}

/**
 * Polls `probe` (resolves to an HTTP status, or throws while the port is closed) until it gives
 * 200. Returns milliseconds from `startedAt`.
 */
async function untilOk(probe, startedAt, server, what, timeoutMs = 120_000) {
  let last = 'no answer';
  while (performance.now() - startedAt < timeoutMs) {
    if (server.exited !== null) throw new Error(`${what} exited (${server.exited}) before answering; see its log`);
    try {
      const status = await probe();
      if (status === 200) return performance.now() - startedAt;
      last = `HTTP ${status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await sleep(5);
  }
  throw new Error(`${what} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

const statusOf = async (url, init) => {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
};

/**
 * Starts the API and waits for `readyPath` to answer 200. `settings` are configuration keys
 * (`Section:Key`), passed as environment variables the way an operator would.
 */
export async function startApi({ dll, port, metricsPort = 0, settings, readyPath, logFile }) {
  // The scrape endpoint stays on, as in production; on a port of the system's choosing unless the caller reads it.
  const env = { ASPNETCORE_URLS: `http://127.0.0.1:${port}`, Metrics__Urls: `http://127.0.0.1:${metricsPort}`, DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
  for (const [key, value] of Object.entries(settings)) env[key.replaceAll(':', '__')] = String(value);
  const startedAt = performance.now();
  const server = launch('dotnet', [dll], { env, cwd: join(dll, '..'), logFile });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const firstOkMs = await untilOk(() => statusOf(baseUrl + readyPath), startedAt, server, 'the API');
    const metricsUrl = metricsPort ? `http://127.0.0.1:${metricsPort}/metrics` : null;
    return { ...server, pid: server.pid, stop: server.stop, baseUrl, metricsUrl, firstOkMs };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Starts the empty minimal-API app the same way as the API and waits for `/` to answer 200. */
export async function startEmptyApp({ dll, port, logFile }) {
  const env = { ASPNETCORE_URLS: `http://127.0.0.1:${port}`, DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
  const startedAt = performance.now();
  const server = launch('dotnet', [dll], { env, cwd: join(dll, '..'), logFile });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const firstOkMs = await untilOk(() => statusOf(baseUrl + '/'), startedAt, server, 'the empty app');
    return { ...server, pid: server.pid, stop: server.stop, baseUrl, firstOkMs };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Runs a verb of the API's executable (`migrate`, `import <dir>`) to completion. */
export function runApiVerb({ dll, args, settings, logFile }) {
  const env = {};
  for (const [key, value] of Object.entries(settings)) env[key.replaceAll(':', '__')] = String(value);
  const server = launch('dotnet', [dll, ...args], { env, cwd: join(dll, '..'), logFile });
  return new Promise((resolve, reject) => server.child.on('exit', code =>
    code === 0 ? resolve() : reject(new Error(`dotnet DepinApi.dll ${args.join(' ')} exited ${code}; see ${logFile}`))));
}

/** Starts PostGraphile 5 with the amber preset over `connectionUrl`'s public schema. */
export async function startPostGraphile({ benchDir, node, connectionUrl, port, logFile }) {
  const cli = join(benchDir, 'node_modules', 'postgraphile', 'dist', 'cli-run.js');
  const startedAt = performance.now();
  const server = launch(node, [cli, '-C', join(benchDir, 'graphile.config.mjs'), '-c', connectionUrl, '-s', 'public', '-p', String(port), '-n', '127.0.0.1'],
    { env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production' }, cwd: benchDir, logFile });
  const url = `http://127.0.0.1:${port}/graphql`;
  const probe = () => statusOf(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
  try {
    const firstOkMs = await untilOk(probe, startedAt, server, 'PostGraphile');
    return { ...server, pid: server.pid, stop: server.stop, url, firstOkMs };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/**
 * The API's runtime counters so far, from its scrape endpoint (the `System.Runtime` meter): `jitSeconds`
 * (`dotnet.jit.compilation.time`), `gcPauseSeconds` (`dotnet.gc.pause.time`) and `gcCollections` by generation
 * (`dotnet.gc.collections`, e.g. `{ gen0: 12, gen1: 3, gen2: 0 }`); null when the endpoint is not known or cannot be
 * read, and a null member when it does not say.
 */
export async function runtimeCounters(metricsUrl) {
  if (!metricsUrl) return null;
  let text;
  try {
    text = await (await fetch(metricsUrl)).text();
  } catch {
    return null; // a scrape that fails is no reason to lose the run
  }
  const single = name => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  const gcCollections = {};
  for (const m of text.matchAll(/^dotnet_gc_collections_total\{[^}]*gc_heap_generation="(\w+)"[^}]*\} ([0-9.eE+-]+)/gm)) {
    gcCollections[m[1]] = Number(m[2]);
  }
  return {
    jitSeconds: single('dotnet_jit_compilation_time_seconds_total'),
    gcPauseSeconds: single('dotnet_gc_pause_time_seconds_total'),
    gcCollections: Object.keys(gcCollections).length ? gcCollections : null,
  };
}

/** Seconds the API's runtime has spent compiling methods so far (`runtimeCounters`' `jitSeconds`); null when unknown. */
export async function jitSeconds(metricsUrl) {
  return (await runtimeCounters(metricsUrl))?.jitSeconds ?? null;
}
