// Starts the API for the browser tests: the Release build, its own private PostgreSQL cluster in a temporary folder
// and its own loopback port, so it disturbs nothing else on the machine. DEPIN_BROWSER_TEST_URL skips all of this
// and tests a server that is already running.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..');

/** Starts the server (or names the running one) and returns { baseUrl, logTail(), stop() }. */
export async function startApi() {
  if (process.env.DEPIN_BROWSER_TEST_URL) {
    return { baseUrl: process.env.DEPIN_BROWSER_TEST_URL.replace(/\/$/, ''), logTail: () => '', stop: async () => {} };
  }

  const dll = process.env.DEPIN_API_DLL ?? buildApi();
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'depin-browser-test-'));
  // Run as root, the cluster runs as the postgres user, who must be able to reach its data folder inside this one.
  chmodSync(workDirectory, 0o755);
  const logFile = path.join(workDirectory, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  const server = spawn('dotnet', [dll, '--urls', baseUrl], {
    cwd: path.dirname(dll),
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Depin: '',
      ConnectionStrings__DepinAdmin: '',
      Database__Embedded__DataDirectory: path.join(workDirectory, 'cluster'),
      // Ports of their own: a server started the README's way on this machine holds the defaults (54329, 9464).
      Database__Embedded__Port: String(await freePort()),
      Metrics__Urls: '',
      Logging__LogLevel__Default: 'Warning',
      // One address opens the IDE and the docs a dozen times in a few seconds, each load introspecting the schema
      // (105 points): more than one person's burst (docs/rate-limits.md). The suite tests pages, not the limiter.
      RateLimiting__Anonymous__BurstPoints: '1000',
    },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));

  const logTail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '');
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(30_000).then(() => false)]);
      if (!stopped) server.kill('SIGKILL');
    }
    stopClusterLeftBehind(path.join(workDirectory, 'cluster'));
    rmSync(workDirectory, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseUrl, server);
  } catch (error) {
    // Read before stop() removes the folder the log is in.
    const tail = logTail();
    await stop();
    throw new Error(`${error.message}\n--- server log ---\n${tail}`);
  }
  return { baseUrl, logTail, stop };
}

/** Builds the API in Release (incremental: quick when `dotnet test -c Release` already built it). */
function buildApi() {
  const project = path.join(repositoryRoot, 'src', 'DepinApi');
  const build = spawnSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'q'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`dotnet build src/DepinApi -c Release failed:\n${build.stdout}${build.stderr}`);
  return path.join(project, 'bin', 'Release', 'net10.0', 'DepinApi.dll');
}

// The first start creates a cluster, migrates and imports the seed data: allow it two minutes.
async function waitUntilReady(baseUrl, server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A .NET process that dies of an unhandled exception aborts: it has a signal, not an exit code.
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(500);
  }
  throw new Error(`${baseUrl}/readyz did not answer 200 within ${timeoutMs / 1000} s`);
}

// A server killed before it could stop its cluster leaves the postmaster running; its pid is in the data folder.
function stopClusterLeftBehind(dataDirectory) {
  const pidFile = path.join(dataDirectory, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    // Already gone.
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
