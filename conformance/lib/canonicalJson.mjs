// Serializes a value as JSON with object keys sorted, so that echoed arguments do not depend on
// the order in which an engine happens to store coerced argument maps (that order is not observable
// in GraphQL). The C# runner implements the same function.
export function canonicalJson(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(compareOrdinal);
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

// UTF-16 code unit order, which is what C#'s string.CompareOrdinal uses.
function compareOrdinal(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
