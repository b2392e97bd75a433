// The pieces of compose.yaml beside the API, as loopback processes from Debian's packages (the same way the
// topology test runs them, tests/DepinApi.Tests/Topology): a streaming-replication hot standby of the bench's
// primary, a private redis-server, and HAProxy running deploy/haproxy.cfg as it is.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { freePort, locateBinaries, OWNER, withClient } from '../../load/lib/cluster.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));
const runsAsRoot = process.getuid?.() === 0;

function asPostgres(program, args) {
  const [file, argv] = runsAsRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  return execFileSync(file, argv, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

async function untilListening(port, what, alive, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!alive()) throw new Error(`${what} exited before listening on ${port}`);
    const ok = await new Promise(resolve => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(25);
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs / 1000} s`);
}

function launch(program, args, { env, logFile }) {
  const log = openSync(logFile, 'a');
  const child = spawn(program, args, { env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  closeSync(log);
  const state = { exited: null };
  child.on('exit', code => { state.exited = code ?? 'signal'; });
  return { child, state };
}

async function stopChild(child, state) {
  if (state.exited !== null) return;
  const done = new Promise(r => child.once('exit', r));
  try { process.kill(child.pid, 'SIGCONT'); } catch { /* gone */ }
  child.kill('SIGKILL');
  await done;
}

/**
 * A hot standby of `cluster` (pg_basebackup -R, streaming), on a port of its own. Its max_connections must be at least
 * the primary's, or a hot standby refuses to start.
 */
export async function startStandby({ cluster, directory }) {
  const bin = locateBinaries();
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  if (runsAsRoot) execFileSync('chown', ['postgres:postgres', directory]);
  chmodSync(directory, 0o755);
  const data = join(directory, 'data');
  const password = decodeURIComponent(new URL(cluster.url('postgres')).password);
  asPostgres(join(bin.dir, 'pg_basebackup'), ['-D', data, '-R', '-X', 'stream', '-c', 'fast',
    '-d', `host=127.0.0.1 port=${cluster.port} user=${OWNER} password=${password}`]);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c hot_standby=on ` +
    `-c fsync=off -c max_connections=${cluster.settings.max_connections} -c shared_buffers=256MB`;
  asPostgres(bin.pgCtl, ['start', '-w', '-t', '60', '-D', data, '-l', join(directory, 'standby.log'), '-o', options]);
  const url = db => `postgres://${OWNER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  return {
    port,
    get pid() { return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]); },
    pauseReplay: () => withClient(url('postgres'), c => c.query('SELECT pg_wal_replay_pause()')),
    resumeReplay: () => withClient(url('postgres'), c => c.query('SELECT pg_wal_replay_resume()')),
    stop() {
      try { asPostgres(bin.pgCtl, ['stop', '-w', '-m', 'immediate', '-D', data]); } catch { /* already stopped */ }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Stops the primary at once (-m immediate), as when its host fails. */
export function crashPrimary(directory) {
  const bin = locateBinaries();
  try { asPostgres(bin.pgCtl, ['stop', '-w', '-m', 'immediate', '-D', join(directory, 'data')]); } catch { /* already stopped */ }
}

/** A private redis-server without persistence; the fault phases kill, restart, freeze and thaw it. */
export async function startRedis({ logFile }) {
  const program = existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server';
  const port = await freePort();
  let current;
  const start = async () => {
    current = launch(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--daemonize', 'no', '--protected-mode', 'no'], { logFile });
    await untilListening(port, 'redis-server', () => current.state.exited === null);
  };
  await start();
  return {
    port,
    connectionString: `127.0.0.1:${port}`,
    get pid() { return current.child.pid; },
    kill: () => stopChild(current.child, current.state),
    restart: start,
    freeze: () => process.kill(current.child.pid, 'SIGSTOP'),
    thaw: () => process.kill(current.child.pid, 'SIGCONT'),
    stop: () => stopChild(current.child, current.state),
  };
}

/** The statistics page's counters that say a request to a server went wrong or was resent, and what they mean. */
export const HAPROXY_COUNTERS = {
  chkfail: 'failed /readyz checks', chkdown: 'times marked DOWN', econ: 'connection errors', eresp: 'response errors',
  wretr: 'retries', wredis: 'redispatches', cli_abrt: 'aborted by the client (the load generator stops with requests in flight)', srv_abrt: 'aborted by the server', hrsp_5xx: '5xx answers',
};

/** What changed in those counters between two `stats()` readings, by server, leaving out servers where none did. */
export function haproxyEvents(before, after) {
  const events = {};
  for (const [name, row] of Object.entries(after)) {
    const changed = Object.fromEntries(Object.keys(HAPROXY_COUNTERS)
      .map(k => [k, Number(row[k] || 0) - Number(before[name]?.[k] || 0)]).filter(([, d]) => d > 0));
    if (Object.keys(changed).length) events[name] = { ...changed, lastCheck: `${row.check_status} ${row.last_chk ?? ''}`.trim() };
  }
  return events;
}

/**
 * HAProxy running deploy/haproxy.cfg unchanged. The config names three servers; `replicaPorts` may repeat a port
 * (one replica behind the same config is three server lines pointing at it).
 */
export async function startHaproxy({ repo, replicaPorts, logFile }) {
  const program = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const port = await freePort();
  const statsPort = await freePort();
  const env = { LISTEN: `127.0.0.1:${port}`, STATS_LISTEN: `127.0.0.1:${statsPort}` };
  replicaPorts.forEach((p, i) => { env[`API_${i + 1}`] = `127.0.0.1:${p}`; });
  const { child, state } = launch(program, ['-db', '-f', join(repo, 'deploy', 'haproxy.cfg')], { env, logFile });
  await untilListening(port, 'haproxy', () => state.exited === null);
  const haproxy = {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    /** Each server's status (UP, DOWN, …) from the statistics page, by server name. */
    async servers() {
      return Object.fromEntries(Object.entries(await haproxy.stats()).map(([name, row]) => [name, row.status]));
    },
    /** Each server's row of the statistics page (status, counters), by server name. */
    async stats() {
      const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
      const lines = csv.split('\n').filter(Boolean);
      const header = lines[0].replace(/^#\s*/, '').split(',');
      return Object.fromEntries(lines.slice(1).map(l => l.split(','))
        .filter(f => f[0] === 'replicas' && f[1] !== 'BACKEND' && f[1] !== 'FRONTEND')
        .map(f => [f[1], Object.fromEntries(header.map((name, i) => [name, f[i]]))]));
    },
    async untilAllUp(timeoutMs = 60_000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        try {
          const s = Object.values(await haproxy.servers());
          if (s.length > 0 && s.every(v => v === 'UP')) return;
        } catch { /* stats not up yet */ }
        await sleep(100);
      }
      throw new Error('haproxy did not see every replica UP');
    },
    stop: () => stopChild(child, state),
  };
  return haproxy;
}
