// Lints the committed OpenAPI documents (schema/openapi.json, 3.1, and schema/openapi-3.0.json) with Redocly CLI's
// "spec" ruleset: the structural rules of the OpenAPI specification (undeclared path parameters, wrong types, broken
// $refs, duplicate operationIds, nullable without a type in 3.0 ...). Errors fail the run; warnings are printed only.
// Ends with "N passed, N failed" (one check per document).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// An optional argument lints another file (to try the check on a broken document).
const documentPaths = process.argv[2]
  ? [resolve(process.argv[2])]
  : [join(root, 'schema', 'openapi.json'), join(root, 'schema', 'openapi-3.0.json')];
const redocly = join(root, 'node_modules', '.bin', 'redocly');
const ruleset = 'spec';

let passed = 0;
let failed = 0;
for (const documentPath of documentPaths) {
  if (lint(documentPath)) passed++;
  else failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function lint(documentPath) {
  if (!existsSync(documentPath)) {
    console.error(`${relative(root, documentPath)} is missing; regenerate it (see docs/openapi.md).`);
    return false;
  }

  const run = spawnSync(redocly, ['lint', `--extends=${ruleset}`, '--format=json', '--max-problems=1000', documentPath], {
    cwd: root,
    encoding: 'utf8',
    // No usage telemetry and no update check: the run must not depend on (or talk to) the network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });

  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`redocly lint did not produce a report for ${relative(root, documentPath)} (exit ${run.status}):\n${run.stderr || run.error}`);
    return false;
  }

  for (const problem of report.problems) {
    const where = problem.location?.[0]?.pointer ?? '';
    console.log(`${problem.severity} ${problem.ruleId} ${where}: ${problem.message}`);
  }
  const { errors, warnings } = report.totals;
  console.log(`redocly ${report.version} lint --extends=${ruleset} ${relative(root, documentPath)}: ${errors} error(s), ${warnings} warning(s)`);
  return errors === 0;
}
