// Loads every corpus file (a JSON array of entries) under conformance/corpus. An entry is
// { name, query, expect: 'valid' | 'invalid' | 'parse-error', variables?, operationName?,
//   rule?, ruleErrors?, execute? } and gets the id "<file without .json>: <name>".
import fs from 'node:fs';
import path from 'node:path';

const expectations = new Set(['valid', 'invalid', 'parse-error']);

export function loadCorpus(corpusDir) {
  const entries = [];
  for (const file of listJsonFiles(corpusDir)) {
    const relative = path.relative(corpusDir, file).split(path.sep).join('/').replace(/\.json$/, '');
    const list = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON array of entries`);
    const names = new Set();
    for (const entry of list) {
      if (typeof entry.name !== 'string' || typeof entry.query !== 'string') {
        throw new Error(`${file}: every entry needs a string name and query`);
      }
      if (names.has(entry.name)) throw new Error(`${file}: duplicate entry name "${entry.name}"`);
      names.add(entry.name);
      if (!expectations.has(entry.expect)) throw new Error(`${file}: "${entry.name}" has no valid expect`);
      entries.push({ ...entry, id: `${relative}: ${entry.name}`, category: relative.split('/')[0] });
    }
  }
  return entries;
}

function listJsonFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) return listJsonFiles(full);
      return d.name.endsWith('.json') ? [full] : [];
    });
}
