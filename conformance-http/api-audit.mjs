// GraphQL-over-HTTP audit of the DePIN API's own /graphql endpoint (the real schema, middleware pipeline, rate
// limiter and output cache), with graphql-http's serverAudits — the same checks audit.mjs runs against the
// engine's small test server.
//
//   node conformance-http/api-audit.mjs [--no-build] [--verbose]
//
// Builds src/DepinApi (Release; into $GRAPHQL_API_AUDIT_ARTIFACTS or a folder under the system temp dir), starts
// it on a free loopback port over a private Postgres cluster in a fresh temporary folder (its embedded cluster,
// seed data imported at start-up), waits for /readyz, runs every audit, stops the app (which stops the cluster)
// and removes the folder. Ends with the line "N passed, N failed" and exits with 1 if a MUST audit failed.
// A failed SHOULD or MAY audit is a warning; it counts as passed only if DOCUMENTED_EXCEPTIONS explains it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildInRelease, freePort, runAudits, waitUntilReady } from './lib/audits.mjs';

// id -> why the endpoint deliberately differs. Empty: every audit is expected to pass.
const DOCUMENTED_EXCEPTIONS = {};

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(here);
const projectDir = path.join(repoRoot, 'src', 'DepinApi');
const artifacts = process.env.GRAPHQL_API_AUDIT_ARTIFACTS ?? path.join(os.tmpdir(), 'graphql-api-audit-build');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

if (!args.has('--no-build')) buildInRelease(repoRoot, projectDir, artifacts, 'The API');

const binDir = path.join(artifacts, 'bin', 'DepinApi', 'release');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graphql-api-audit-'));
// The cluster runs as the postgres user when this runs as root: it must be able to reach its data directory.
fs.chmodSync(workDir, 0o755);
const port = await freePort();
const databasePort = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn('dotnet', [path.join(binDir, 'DepinApi.dll'), '--urls', baseUrl], {
  cwd: binDir,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Production',
    ConnectionStrings__Depin: '',
    ConnectionStrings__DepinAdmin: '',
    Database__Embedded__DataDirectory: path.join(workDir, 'pg'),
    Database__Embedded__Port: String(databasePort),
    Database__Embedded__Durable: 'false',
    Database__SeedDirectory: path.join(repoRoot, 'seed-data'),
    // The metrics listener's default port (9464) is held by any server started the README's way on this machine.
    Metrics__Urls: '',
  },
});
let serverOutput = '';
server.stdout.on('data', (chunk) => (serverOutput += chunk));
server.stderr.on('data', (chunk) => (serverOutput += chunk));
let exitCode = 1;
try {
  await waitUntilReady(server, 'the API', `${baseUrl}/readyz`, 120_000);
  exitCode = await runAudits(`${baseUrl}/graphql`, { verbose, documentedExceptions: DOCUMENTED_EXCEPTIONS });
} catch (error) {
  console.log(`Audit could not run: ${error.message}\n${serverOutput.slice(-4000)}`);
  console.log('0 passed, 1 failed');
} finally {
  await stop(server);
  fs.rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);

// SIGTERM lets the host stop its embedded cluster before it exits; wait for that before removing the folder.
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
