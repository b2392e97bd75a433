// Reads the seed CSV files the server imports, so the browser test compares what it sees with the source of truth.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const seedDirectory = path.resolve(import.meta.dirname, '..', 'seed-data');

/** The seed files the test needs, each as an array of objects keyed by the header's column names. */
export function readSeed() {
  return {
    projects: readCsv('projects.csv'),
    revenue: readCsv('revenue.csv'),
    sources: readCsv('sources.csv'),
  };
}

function readCsv(fileName) {
  const [header, ...rows] = parseCsv(readFileSync(path.join(seedDirectory, fileName), 'utf8'));
  return rows
    .filter((row) => row.length > 1 || row[0] !== '')
    .map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? ''])));
}

// RFC 4180: fields separated by commas, records by CRLF or LF, quoted fields may hold both and "" for a quote.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
