// Compares the engine's outcome for one document with graphql-js's. Stage, error count and error
// locations must agree (failures); differing message texts are reported as warnings. Execution
// responses must be identical JSON, key order included.
import { lineDiff } from './lineDiff.mjs';

const stageNames = { parse: 'a syntax error', validate: 'validation errors', execute: 'an execution result', crash: 'a crash' };

export function compareOutcomes(reference, engine) {
  const warnings = [];
  if (engine.stage !== reference.stage) {
    return {
      failure:
        `graphql-js gave ${stageNames[reference.stage]}, the engine gave ${stageNames[engine.stage] ?? engine.stage}\n` +
        `  graphql-js: ${summarize(reference)}\n  engine:     ${summarize(engine)}`,
      warnings,
    };
  }
  if (reference.stage === 'parse' || reference.stage === 'validate') {
    const expectedLocations = reference.errors.map(locationKey).sort();
    const actualLocations = (engine.errors ?? []).map(locationKey).sort();
    if (expectedLocations.length !== actualLocations.length || expectedLocations.some((k, i) => k !== actualLocations[i])) {
      return {
        failure:
          `error count or locations differ (graphql-js ${reference.errors.length}, engine ${(engine.errors ?? []).length})\n` +
          lineDiff(pretty(reference.errors), pretty(engine.errors ?? [])),
        warnings,
      };
    }
    const expectedMessages = reference.errors.map((e) => e.message).sort();
    const actualMessages = engine.errors.map((e) => e.message).sort();
    expectedMessages.forEach((message, i) => {
      if (message !== actualMessages[i]) warnings.push(`message differs:\n    graphql-js: ${message}\n    engine:     ${actualMessages[i]}`);
    });
    return { failure: null, warnings };
  }
  if (reference.stage === 'execute') {
    if (reference.response === null) return { failure: null, warnings };
    const expected = pretty(normalizeResponse(reference.response));
    const actual = pretty(normalizeResponse(engine.response));
    if (expected !== actual) {
      const note = sameIgnoringErrorOrder(reference.response, engine.response) ? ' (only the order of errors differs)' : '';
      return { failure: `response differs${note} (- graphql-js, + engine)\n${lineDiff(expected, actual)}`, warnings };
    }
    return { failure: null, warnings };
  }
  return { failure: `graphql-js crashed: ${reference.message}`, warnings };
}

// Top-level and error key order are serialization details; only the order of keys inside `data`
// (the selection order) is part of the comparison.
function normalizeResponse(response) {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return response;
  const { data, errors, ...rest } = response;
  const normalized = {};
  if (errors !== undefined) normalized.errors = Array.isArray(errors) ? errors.map(normalizeError) : errors;
  if (data !== undefined) normalized.data = data;
  return Object.assign(normalized, rest);
}

function normalizeError(error) {
  if (error === null || typeof error !== 'object') return error;
  const { message, locations, path, extensions, ...rest } = error;
  const normalized = { message };
  if (locations !== undefined) normalized.locations = locations;
  if (path !== undefined) normalized.path = path;
  if (extensions !== undefined) normalized.extensions = extensions;
  return Object.assign(normalized, rest);
}

function locationKey(error) {
  return JSON.stringify(error.locations ?? []);
}

function pretty(value) {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

function sameIgnoringErrorOrder(a, b) {
  if (!a?.errors || !b?.errors) return false;
  const sortErrors = (r) => ({ ...r, errors: r.errors.map((e) => JSON.stringify(e)).sort() });
  return JSON.stringify(sortErrors(a)) === JSON.stringify(sortErrors(b));
}

function summarize(outcome) {
  switch (outcome.stage) {
    case 'parse':
    case 'validate':
      return (outcome.errors ?? []).map((e) => `${e.message} ${JSON.stringify(e.locations ?? [])}`).join(' | ') || '(no errors)';
    case 'execute':
      return outcome.response === null ? '(valid, not executed)' : truncate(JSON.stringify(outcome.response), 300);
    default:
      return outcome.message ?? JSON.stringify(outcome);
  }
}

function truncate(text, length) {
  return text.length > length ? text.slice(0, length) + '…' : text;
}
