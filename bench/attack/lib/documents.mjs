// The requests the campaign sends, written against the schema the server reports rather than a
// copy of it: other work may page `tokenPrices` (a connection, or a `first` argument), and the
// campaign should then send the largest page the server admits instead of a document it refuses.
import { graphql } from './http.mjs';
import { HARNESS } from './clients.mjs';

export const LONG_SERIES = 'synthetic-long-series';
export const LONG_SERIES_DAYS = 20_000;
const LAST_DAY = Date.UTC(2025, 11, 31);
const FIRST_DAY = LAST_DAY - (LONG_SERIES_DAYS - 1) * 86_400_000;

/** The n-th day of the long series (wrapping), as YYYY-MM-DD. */
export const day = n => new Date(FIRST_DAY + (((n % LONG_SERIES_DAYS) + LONG_SERIES_DAYS) % LONG_SERIES_DAYS) * 86_400_000).toISOString().slice(0, 10);
export const FIRST_DATE = day(0);

const unwrap = type => (type.ofType ? unwrap(type.ofType) : type);

/**
 * How Project.tokenPrices is to be asked for on this server: `select(args)` writes the field
 * with its arguments, and the largest page if the field has one.
 */
export async function tokenPricesShape(base) {
  const query = `{ __type(name: "Project") { fields { name args { name description } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;
  const result = await graphql({ base, address: HARNESS, keepBody: true }, query);
  const json = JSON.parse(result.body.toString('utf8'));
  const field = json.data.__type.fields.find(f => f.name === 'tokenPrices');
  if (!field) throw new Error('Project.tokenPrices is not in the schema; update bench/attack/lib/documents.mjs');
  const named = unwrap(field.type).name;
  const typeResult = await graphql({ base, address: HARNESS, keepBody: true }, `{ __type(name: "${named}") { fields { name } } }`);
  const isConnection = JSON.parse(typeResult.body.toString('utf8')).data.__type.fields.some(f => f.name === 'nodes');
  const pageArg = field.args.find(a => a.name === 'first' || a.name === 'limit');
  // "at most the maximum page size (100)" is how the schema states a page's maximum.
  const max = Number(pageArg?.description?.match(/\((\d[\d,]*)\)/)?.[1]?.replaceAll(',', '') ?? 100);
  return {
    connection: isConnection,
    page: pageArg ? { name: pageArg.name, max } : null,
    /** e.g. select('from: $from', 'date priceUsd') */
    select(args, fields) {
      const all = [args, pageArg ? `${pageArg.name}: ${max}` : ''].filter(Boolean).join(', ');
      return `tokenPrices${all ? `(${all})` : ''} { ${isConnection ? `nodes { ${fields} }` : fields} }`;
    },
  };
}

/**
 * A two-level fragment: every type with its fields, and for each field's (wrapped) type that
 * type's fields again. About 1.6 KB with 30 aliases; the answer is megabytes.
 */
const INTROSPECTION_FRAGMENTS = `
fragment L2 on __Type { name kind description fields(includeDeprecated: true) { name description args { name description type { kind name ofType { kind name } } } type { kind name ofType { kind name } } } }
fragment L1 on __Type { kind name description fields(includeDeprecated: true) { name description args { name description defaultValue type { ...L2 ofType { ...L2 ofType { ...L2 } } } } type { ...L2 ofType { ...L2 ofType { ...L2 ofType { ...L2 } } } } } inputFields { name type { ...L2 } } enumValues(includeDeprecated: true) { name description } }`;

/** `aliases` copies of `__schema { types { ...L1 } }`; `tag` makes the document (and its cache key) unique. */
export function introspectionAliases(aliases, tag = 'a') {
  const fields = Array.from({ length: aliases }, (_, i) => `${tag}${i}: __schema { types { ...L1 } }`);
  return `query Introspect { ${fields.join(' ')} }\n${INTROSPECTION_FRAGMENTS}`;
}
