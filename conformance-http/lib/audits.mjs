// What the two GraphQL-over-HTTP audits (engine test server, API) share: the Release build of the server
// under audit, the wait for it to answer, the audit loop and a free-port probe.
// The audit loop prints every failed audit with its reason and ends with "N passed, N failed"; it returns the
// exit code: 1 when a MUST audit failed. A SHOULD audit that fails counts as passed only when it is documented.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

import { serverAudits } from 'graphql-http';

export async function runAudits(url, { verbose = false, documentedExceptions = {} } = {}) {
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
    const documented = result.status !== 'error' ? documentedExceptions[id] : undefined;
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

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Builds `projectDir` in Release into `artifacts`. When the build fails it prints the compiler's output and the
 * closing line "0 passed, 1 failed", and exits: an audit that could not run is a failure, never a silent pass.
 */
export function buildInRelease(repoRoot, projectDir, artifacts, what) {
  console.log(`Building ${path.relative(repoRoot, projectDir)} (Release) into ${artifacts} ...`);
  const build = spawnSync('dotnet', ['build', projectDir, '-c', 'Release', '--artifacts-path', artifacts, '-nologo', '-v', 'quiet'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.log(build.stdout, build.stderr);
    console.log(`${what} did not build.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/** Polls `url` until it answers 2xx; throws when `server` (a child process) exits first or time runs out. */
export async function waitUntilReady(server, what, url, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A .NET process that dies of an unhandled exception aborts: it has a signal, not an exit code.
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`${what} exited (${server.exitCode ?? server.signalCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}
