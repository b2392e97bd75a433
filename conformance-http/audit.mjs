// GraphQL-over-HTTP audit of the engine's transport, with graphql-http's serverAudits (the reference
// implementation's own conformance checks; graphql-js served by graphql-http passes every one of them).
//
//   node conformance-http/audit.mjs [--no-build] [--verbose]
//
// Builds tests/GraphQLEngine.TestServer (Release; into $GRAPHQL_HTTP_AUDIT_ARTIFACTS or a folder under the
// system temp dir), starts it on a free loopback port, runs every audit, and prints each failure with its id,
// name and reason. Ends with the line "N passed, N failed" and exits with 1 if a MUST audit failed.
// A failed SHOULD or MAY audit is a warning; it counts as passed only if DOCUMENTED_EXCEPTIONS explains it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildInRelease, freePort, runAudits, waitUntilReady } from './lib/audits.mjs';

// id -> why the transport deliberately differs. Empty: every audit is expected to pass.
const DOCUMENTED_EXCEPTIONS = {};

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(here);
const projectDir = path.join(repoRoot, 'tests', 'GraphQLEngine.TestServer');
const artifacts = process.env.GRAPHQL_HTTP_AUDIT_ARTIFACTS ?? path.join(os.tmpdir(), 'graphql-http-audit-build');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

if (!args.has('--no-build')) buildInRelease(repoRoot, projectDir, artifacts, 'The test server');

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dll = path.join(artifacts, 'bin', 'GraphQLEngine.TestServer', 'release', 'GraphQLEngine.TestServer.dll');
const server = spawn('dotnet', [dll, '--urls', baseUrl], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
let serverOutput = '';
server.stdout.on('data', (chunk) => (serverOutput += chunk));
server.stderr.on('data', (chunk) => (serverOutput += chunk));
let exitCode = 1;
try {
  await waitUntilReady(server, 'the test server', `${baseUrl}/healthz`, 30_000, 200);
  exitCode = await runAudits(`${baseUrl}/graphql`, { verbose, documentedExceptions: DOCUMENTED_EXCEPTIONS });
} catch (error) {
  console.log(`Audit could not run: ${error.message}\n${serverOutput}`);
  console.log('0 passed, 1 failed');
} finally {
  server.kill();
}
process.exit(exitCode);
