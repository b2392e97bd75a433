// Runs one corpus entry through graphql-js and reduces the outcome to the shape the C# runner prints:
// { stage: 'parse' | 'validate', errors } or { stage: 'execute', response }.
import { GraphQLError, buildSchema, execute, parse, specifiedRules, validate } from 'graphql';

import { attachDateScalar, createFieldResolver, typeResolver } from './behaviour.mjs';
import { applyDeviations } from './deviations.mjs';

export function createReference(sdl, data) {
  const schema = buildSchema(sdl);
  attachDateScalar(schema);
  const fieldResolver = createFieldResolver(data);

  function run(entry) {
    let document;
    try {
      document = parse(entry.query);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return { stage: 'parse', errors: [plainError(error)] };
    }
    const validationErrors = validate(schema, document, specifiedRules);
    if (validationErrors.length > 0) {
      return { stage: 'validate', errors: validationErrors.map(plainError), rules: attributeRules(document, validationErrors) };
    }
    if (entry.execute === false) return { stage: 'execute', response: null };
    const result = execute({
      schema,
      document,
      rootValue: data.root,
      variableValues: entry.variables,
      operationName: entry.operationName,
      fieldResolver,
      typeResolver,
    });
    if (typeof result?.then === 'function') throw new Error('Execution unexpectedly returned a promise');
    return { stage: 'execute', response: applyDeviations(document, entry, JSON.parse(JSON.stringify(result))) };
  }

  // Which rule reported each error (for grouping failures; not compared).
  function attributeRules(document, errors) {
    const byKey = new Map();
    for (const rule of specifiedRules) {
      for (const error of validate(schema, document, [rule])) byKey.set(errorKey(plainError(error)), rule.name);
    }
    return errors.map((error) => byKey.get(errorKey(plainError(error))) ?? 'unknown rule');
  }

  function ruleErrors(entry, ruleName) {
    const rule = specifiedRules.find((r) => r.name === ruleName);
    if (!rule) throw new Error(`Unknown rule ${ruleName}`);
    return validate(schema, parse(entry.query), [rule]);
  }

  return { schema, run, ruleErrors };
}

export function errorKey(error) {
  return `${JSON.stringify(error.locations ?? [])} ${error.message}`;
}

function plainError(error) {
  const json = error.toJSON();
  return json.locations ? { message: json.message, locations: json.locations } : { message: json.message };
}
