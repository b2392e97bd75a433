// GraphQL-over-HTTP audit of the engine's transport, with graphql-http's serverAudits (the reference
// implementation's own conformance checks; graphql-js served by graphql-http passes every one of them).
//
//   node conformance-http/audit.mjs [--no-build] [--verbose]
//
// Builds tests/GraphQLEngine.TestServer (Release; into $GRAPHQL_HTTP_AUDIT_ARTIFACTS or a folder under the
// system temp dir), starts it on a free loopback port, runs every audit, and prints each failure with its id,
// name and reason. Ends with the line "N passed, N failed" and exits with 1 if a MUST audit failed.
// A failed SHOULD or MAY audit is a warning; it counts as passed only if DOCUMENTED_EXCEPTIONS explains it.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serverAudits } from 'graphql-http';

// id -> why the transport deliberately differs. Empty: every audit is expected to pass.
const DOCUMENTED_EXCEPTIONS = {};

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(here);
const projectDir = path.join(repoRoot, 'tests', 'GraphQLEngine.TestServer');
const artifacts = process.env.GRAPHQL_HTTP_AUDIT_ARTIFACTS ?? path.join(os.tmpdir(), 'graphql-http-audit-build');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

if (!args.has('--no-build')) {
  console.log(`Building ${path.relative(repoRoot, projectDir)} (Release) into ${artifacts} ...`);
  const build = spawnSync('dotnet', ['build', projectDir, '-c', 'Release', '--artifacts-path', artifacts, '-nologo', '-v', 'quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.log(build.stdout, build.stderr);
    console.log('The test server did not build.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dll = path.join(artifacts, 'bin', 'GraphQLEngine.TestServer', 'release', 'GraphQLEngine.TestServer.dll');
const server = spawn('dotnet', [dll, '--urls', baseUrl], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOutput = '';
server.stdout.on('data', (chunk) => (serverOutput += chunk));
server.stderr.on('data', (chunk) => (serverOutput += chunk));
let exitCode = 1;
try {
  await waitUntilReady(`${baseUrl}/healthz`, 30_000);
  exitCode = await runAudits(`${baseUrl}/graphql`);
} catch (error) {
  console.log(`Audit could not run: ${error.message}\n${serverOutput}`);
  console.log('0 passed, 1 failed');
} finally {
  server.kill();
}
process.exit(exitCode);

async function runAudits(url) {
  let passed = 0;
  let failed = 0;
  let mustFailed = false;
  for (const { id, name, fn } of serverAudits({ url, fetchFn: fetch })) {
    const result = await fn();
    if (result.status === 'ok') {
      passed++;
      if (verbose) console.log(`ok   ${id} ${name}`);
      continue;
    }
    const body = await responseText(result.response);
    const level = result.status === 'error' ? 'FAIL' : 'WARN';
    if (result.status === 'error') mustFailed = true;
    const documented = result.status !== 'error' ? DOCUMENTED_EXCEPTIONS[id] : undefined;
    if (documented) passed++;
    else failed++;
    console.log(`${level} ${id} ${name}\n  reason: ${result.reason}` +
      (documented ? `\n  documented exception: ${documented}` : '') +
      (body ? `\n  response: ${result.response.status} ${body}` : ''));
  }
  console.log(`${passed} passed, ${failed} failed`);
  return mustFailed ? 1 : 0;
}

async function responseText(response) {
  if (!response) return '';
  try {
    return (await response.clone().text()).slice(0, 500);
  } catch {
    return '';
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the test server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the test server did not answer ${url} within ${timeoutMs / 1000} s`);
}
