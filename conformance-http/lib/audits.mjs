// The audit loop and a free-port probe shared by the two GraphQL-over-HTTP audits (engine test server, API).
// Prints every failed audit with its reason and ends with "N passed, N failed"; returns the exit code:
// 1 when a MUST audit failed. A SHOULD audit that fails counts as passed only when it is a documented exception.
import net from 'node:net';

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
