// Checks that a widely used TypeScript client generator accepts the committed OpenAPI documents and writes types that
// compile: openapi-typescript 7 turns schema/openapi-3.0.json and schema/openapi.json (3.1) into declarations, and
// tsc --noEmit type-checks them together with a small client that uses them (client.ts). The C# counterpart (NSwag)
// is tests/ClientGeneration.Tests. The committed documents are the served ones (OpenApiDriftTests).
//   npm run test:openapi-generators
// Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const documents = [
  { name: 'OpenAPI 3.0', file: join(root, 'schema', 'openapi-3.0.json') },
  { name: 'OpenAPI 3.1', file: join(root, 'schema', 'openapi.json') },
];

let passed = 0;
let failed = 0;
function report(ok, name, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${ok || !detail ? '' : `\n  ${detail.trim().split('\n').slice(0, 30).join('\n  ')}`}`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}` };
}

for (const document of documents) {
  const work = mkdtempSync(join(tmpdir(), 'openapi-generators-'));
  try {
    const generated = run(bin('openapi-typescript'), [document.file, '--output', join(work, 'api.d.ts')], root);
    report(generated.ok, `openapi-typescript accepts the ${document.name} document`, generated.output);
    if (!generated.ok) continue;
    copyFileSync(join(here, 'client.ts'), join(work, 'client.ts'));
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], skipLibCheck: false },
      files: ['api.d.ts', 'client.ts'],
    }));
    const compiled = run(bin('tsc'), ['--project', join(work, 'tsconfig.json')], work);
    report(compiled.ok, `the types generated from the ${document.name} document compile with a client that uses them (tsc --noEmit)`, compiled.output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
