// Builds the in-browser GraphQL IDE (GraphiQL from npm) into static files the API serves itself:
//   node ide/build.mjs <output folder>
// Output: ide-<hash>.js and ide-<hash>.css (content-hashed, so they can be cached for a year), each with .br and .gz
// twins compressed once here instead of on every request, and index.html naming them. index.html keeps the
// {{assets}} placeholder for the server to fill with the assets' URL prefix (it depends on the request's path base).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, 'dist'));

const result = await build({
  absWorkingDir: path.resolve(here, '..'),
  entryPoints: [path.join(here, 'src', 'main.jsx')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  // React and GraphiQL choose their production code paths by this constant.
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.graphql': 'text' },
  // The licences of the bundled packages stay with the code that ships them.
  legalComments: 'eof',
  outdir: 'out',
  write: false,
  logLevel: 'warning',
});

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const names = {};
for (const file of result.outputFiles) {
  const extension = path.extname(file.path).slice(1);
  const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 16);
  const name = `ide-${hash}.${extension}`;
  names[extension] = name;
  await writeCompressed(name, file.contents);
}
if (!names.js || !names.css) throw new Error(`esbuild produced ${Object.keys(names).join(', ')}; expected js and css`);

const template = await readFile(path.join(here, 'index.html'), 'utf8');
const page = template
  .replace('{{js}}', `{{assets}}/${names.js}`)
  .replace('{{css}}', `{{assets}}/${names.css}`);
await writeFile(path.join(outDir, 'index.html'), page);
console.log(`GraphQL IDE built into ${outDir}: ${names.js}, ${names.css}`);

async function writeCompressed(name, contents) {
  await writeFile(path.join(outDir, name), contents);
  await writeFile(path.join(outDir, `${name}.br`), brotliCompressSync(contents, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: contents.length },
  }));
  await writeFile(path.join(outDir, `${name}.gz`), gzipSync(contents, { level: 9 }));
}
