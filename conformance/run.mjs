// Differential conformance test of the C# GraphQL engine against graphql-js.
//
//   node conformance/run.mjs [--reference-only] [--no-build] [--filter <text>] [--verbose]
//
// --reference-only checks the corpus against graphql-js alone (each entry's declared expectation,
// and for ported validation cases the error count of the rule they were written for).
// Otherwise the C# runner (tests/GraphQLEngine.Conformance) is built and every document is run
// through both implementations. CONFORMANCE_ARTIFACTS=<dir> builds the runner into <dir>.
// Ends with the line "N passed, N failed"; exits with 1 if anything failed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildClientSchema, buildSchema, printSchema } from 'graphql';

import { likelyCauses } from './lib/causes.mjs';
import { compareOutcomes } from './lib/compare.mjs';
import { loadCorpus } from './lib/corpus.mjs';
import { buildRunner, runEngine } from './lib/engine.mjs';
import { lineDiff } from './lib/lineDiff.mjs';
import { createReference } from './lib/reference.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(here);
const options = parseArguments(process.argv.slice(2));

const sdl = fs.readFileSync(path.join(here, 'schema.graphql'), 'utf8');
const dataFile = path.join(here, 'data.json');
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
const reference = createReference(sdl, data);
const entries = loadCorpus(path.join(here, 'corpus')).filter(
  (entry) => !options.filter || entry.id.includes(options.filter),
);

let passed = 0;
let failed = 0;
let warned = 0;
const causes = new Map();

function report(id, failure, warnings = []) {
  if (failure) {
    failed++;
    console.log(`FAIL ${id}\n  ${failure.split('\n').join('\n  ')}`);
  } else {
    passed++;
  }
  if (warnings.length > 0) {
    warned++;
    if (options.verbose || failure) for (const w of warnings) console.log(`WARN ${id}\n  ${w}`);
  }
}

if (options.referenceOnly) {
  report('schema.graphql is in printSchema form', printSchema(buildSchema(sdl)) === sdl.trimEnd() ? null : 'printSchema(buildSchema(schema.graphql)) differs from the file');
  for (const entry of entries) report(entry.id, checkAgainstReference(entry));
} else {
  let runnerDll;
  try {
    runnerDll = options.build ? buildRunner(repoRoot, process.env.CONFORMANCE_ARTIFACTS) : locateBuiltRunner();
  } catch (error) {
    report('build of the C# runner', error.message);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  }
  const { sdl: engineSdl, outcomes } = await runEngine(runnerDll, dataFile, entries);
  checkSdl(engineSdl);
  checkClientSchema(engineSdl, outcomes);
  for (const entry of entries) {
    const expected = reference.run(entry);
    const actual = outcomes.get(entry.id) ?? { stage: 'crash', message: 'no output from the runner' };
    const corpusProblem = checkAgainstReference(entry);
    const { failure, warnings } = compareOutcomes(expected, actual);
    if (failure) {
      for (const cause of likelyCauses(entry, expected, actual)) causes.set(cause, [...(causes.get(cause) ?? []), entry.id]);
    }
    const described = failure && `${failure}\n  document: ${oneLine(entry.query)}${entry.variables ? `\n  variables: ${JSON.stringify(entry.variables)}` : ''}`;
    report(entry.id, corpusProblem ? `corpus entry disagrees with graphql-js: ${corpusProblem}` : described, warnings);
  }
}

if (causes.size > 0) {
  console.log('\nfailures by likely cause (documents, first example):');
  for (const [cause, ids] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(ids.length).padStart(4)}  ${cause}   e.g. ${ids[0]}`);
  }
}
const categories = {};
for (const entry of entries) categories[entry.category] = (categories[entry.category] ?? 0) + 1;
console.log(`corpus: ${Object.entries(categories).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (warned > 0) console.log(`${warned} documents with message differences${options.verbose ? '' : ' (--verbose shows them)'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

function checkSdl(engineSdl) {
  if (engineSdl == null) {
    report('schema: engine SDL', 'the runner printed no SDL');
    return;
  }
  const expected = printSchema(buildSchema(sdl));
  report('schema: engine SDL equals graphql-js printSchema of conformance/schema.graphql', engineSdl === expected ? null : `SDL differs (- graphql-js, + engine)\n${lineDiff(expected, engineSdl)}`);
  let roundTrip;
  try {
    roundTrip = printSchema(buildSchema(engineSdl));
  } catch (error) {
    roundTrip = `buildSchema failed: ${error.message}`;
  }
  report('schema: graphql-js printSchema(buildSchema(engine SDL)) is the engine SDL', roundTrip === engineSdl ? null : `SDL differs (- engine, + graphql-js)\n${lineDiff(engineSdl, roundTrip)}`);
}

// GraphiQL and other tools build their schema from the full introspection query: graphql-js's
// buildClientSchema must accept the engine's answer and arrive at the same schema.
function checkClientSchema(engineSdl, outcomes) {
  for (const [id, outcome] of outcomes) {
    // Only the query with every option asks for all that the SDL shows (descriptions, repeatable, specifiedBy, oneOf).
    if (id !== 'introspection/introspection: getIntrospectionQuery all options') continue;
    let failure = null;
    try {
      const printed = printSchema(buildClientSchema(outcome.response.data));
      if (printed !== engineSdl) failure = `SDL differs (- engine, + buildClientSchema)\n${lineDiff(engineSdl, printed)}`;
    } catch (error) {
      failure = `buildClientSchema rejected the engine's introspection result: ${error.message}`;
    }
    report(`${id}: buildClientSchema accepts the result`, failure);
  }
}

function checkAgainstReference(entry) {
  const outcome = reference.run(entry);
  const actual = { parse: 'parse-error', validate: 'invalid', execute: 'valid' }[outcome.stage];
  const problems = [];
  if (actual !== entry.expect) {
    problems.push(`declared ${entry.expect}, graphql-js says ${actual}: ${JSON.stringify(outcome.errors ?? outcome.response)}`);
  }
  if (entry.rule && outcome.stage !== 'parse') {
    const errors = reference.ruleErrors(entry, entry.rule);
    if (errors.length !== entry.ruleErrors) {
      problems.push(`${entry.rule} gives ${errors.length} errors, declared ${entry.ruleErrors}: ${errors.map((e) => e.message).join(' | ')}`);
    }
  }
  return problems.length > 0 ? problems.join('\n') : null;
}

function locateBuiltRunner() {
  const artifacts = process.env.CONFORMANCE_ARTIFACTS;
  return artifacts
    ? path.join(artifacts, 'bin', 'GraphQLEngine.Conformance', 'release', 'GraphQLEngine.Conformance.dll')
    : path.join(repoRoot, 'tests', 'GraphQLEngine.Conformance', 'bin', 'Release', 'net10.0', 'GraphQLEngine.Conformance.dll');
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? flat.slice(0, 400) + '…' : flat;
}

function parseArguments(argv) {
  const result = { referenceOnly: false, build: true, filter: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--reference-only': result.referenceOnly = true; break;
      case '--no-build': result.build = false; break;
      case '--verbose': result.verbose = true; break;
      case '--filter': result.filter = argv[++i]; break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return result;
}
