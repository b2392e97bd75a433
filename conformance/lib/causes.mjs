// Guesses the likely cause of a failure, so that the run can end with failures grouped by cause.
import { errorKey } from './reference.mjs';

export function likelyCauses(entry, reference, engine) {
  if (engine.stage === 'crash') return [`engine crash: ${shape(engine.message ?? '')}`];
  if (reference.stage === 'validate' && engine.stage === 'validate') {
    return validationCauses(reference, engine);
  }
  if (reference.stage === 'validate') return [...new Set(reference.rules.map((rule) => `missing ${rule} error`))];
  if (engine.stage === 'validate') {
    return [...new Set(engine.errors.map((e) => `unexpected validation error: ${shape(e.message)}`))];
  }
  if (reference.stage !== engine.stage) return [`graphql-js ${reference.stage} / engine ${engine.stage}`];
  if (reference.stage === 'parse') return ['syntax error location'];
  return [`execution: ${entry.id.split(':')[0]}`];
}

function validationCauses(reference, engine) {
  const causes = new Set();
  const engineByLocation = new Map();
  for (const error of engine.errors) {
    const key = JSON.stringify(error.locations ?? []);
    engineByLocation.set(key, (engineByLocation.get(key) ?? 0) + 1);
  }
  const matched = new Map();
  reference.errors.forEach((error, i) => {
    const key = JSON.stringify(error.locations ?? []);
    const used = matched.get(key) ?? 0;
    if (used < (engineByLocation.get(key) ?? 0)) matched.set(key, used + 1);
    else causes.add(`missing ${reference.rules[i]} error`);
  });
  const referenceKeys = new Set(reference.errors.map(errorKey));
  const referenceLocations = new Map();
  for (const error of reference.errors) {
    const key = JSON.stringify(error.locations ?? []);
    referenceLocations.set(key, (referenceLocations.get(key) ?? 0) + 1);
  }
  for (const error of engine.errors) {
    const key = JSON.stringify(error.locations ?? []);
    const left = referenceLocations.get(key) ?? 0;
    if (left > 0) referenceLocations.set(key, left - 1);
    else if (!referenceKeys.has(errorKey(error))) causes.add(`unexpected validation error: ${shape(error.message)}`);
  }
  return causes.size > 0 ? [...causes] : ['validation error locations'];
}

// The message with quoted names and numbers blanked, so that similar errors group together.
function shape(message) {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\b\d+\b/g, 'N').slice(0, 160);
}
