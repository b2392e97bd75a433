// Regenerates GraphQLJsCases.g.cs: what graphql-js 16 answers for every input below (tokens, syntax trees,
// printed text, error messages and positions). The C# tests compare the engine against these answers.
//
//   mkdir -p /tmp/gqljs && cd /tmp/gqljs && npm i graphql@16.11.0
//   NODE_PATH=/tmp/gqljs/node_modules node generate-cases.mjs > GraphQLJsCases.g.cs
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'noop.js'));
const { Lexer, Source, parse, parseValue, parseType, print, TokenKind, version } = require('graphql');
const { dedentBlockStringLines, isPrintableAsBlockString, printBlockString } = require('graphql/language/blockString');
const { printString } = require('graphql/language/printString');

const lexerInputs = [
  '', ' ', '\uFEFF foo', 'foo', '\nfoo', '\rfoo', '\r\nfoo', '\n\rfoo', '\r\r\n\nfoo', '\n\n\r\rfoo',
  '\n \r\n \r  foo\n', '\t\tfoo\t\t', '\n    #comment\n    foo#comment\n', ',,,foo,,,', '# only a comment',
  '! $ & ( ) ... : = @ [ ] { | }', 'a.b', '..', '.', '?', '~', '\u00a0', '\u203B', '\u{1F600}', "'single quotes'",
  '""', '"simple"', '" white space "', '"quote \\""', '"escaped \\n\\r\\b\\t\\f"', '"slashes \\\\ \\/"',
  '"unescaped unicode outside BMP \u{1f600}"', '"unicode \\u1234\\u5678\\u90AB\\uCDEF"',
  '"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}"', '"escape outside BMP \\u{1F600}"', '"minimal \\u{0}"',
  '"maximal \\u{10FFFF}"', '"maximal minimal \\u{00000000}"', '"surrogate pair \\uD83D\\uDE00"',
  '"minimal pair \\uD800\\uDC00"', '"maximal pair \\uDBFF\\uDFFF"',
  '"', '"""', '""""', '"no end quote', '"multi\nline"', '"multi\rline"', '"bad \\z esc"', '"bad \\x esc"',
  '"bad \\u1 esc"', '"bad \\u0XX1 esc"', '"bad \\uXXXX esc"', '"bad \\uFXXX esc"', '"bad \\uXXXF esc"',
  '"bad \\u{} esc"', '"bad \\u{FXXX} esc"', '"bad \\u{FFFF esc"', '"bad \\u{FFFF"', '"too high \\u{110000} esc"',
  '"way too high \\u{12345678} esc"', '"too long \\u{000000000} esc"', '"bad surrogate \\uDEAD esc"',
  '"bad surrogate \\u{DEAD} esc"', '"no braces for pairs \\u{D83D}\\u{DE00} esc"', '"bad high pair \\uDEAD\\uDEAD esc"',
  '"bad low pair \\uD800\\uD800 esc"', '"bad \\uD83D\\not an escape"', '"\\u', '"\\', '"a\u0007b"', '"tab\tin"',
  '""""""', '"""simple"""', '""" white space """', '"""contains " quote"""', '"""contains \\""" triple quote"""',
  '"""multi\nline"""', '"""multi\rline\r\nnormalized"""', '"""unescaped \\n\\r\\b\\t\\f\\u1234"""',
  '"""unescaped unicode outside BMP \u{1f600}"""', '"""slashes \\\\ \\/"""',
  '"""\n        spans\n          multiple\n            lines\n        """',
  '"""\n        spans\n          multiple\n            lines\n        \n """ second_token',
  '""" \nspans \r\nmultiple \n\rlines \n\n"""\n second_token', '"""no end quote', '"""\n\n   \n"""',
  '"""  first\n    second\n  third"""', '"""\tx\n\t\ty"""', '"""a\u0007b"""',
  '4', '4.123', '-4', '9', '0', '-4.123', '0.123', '123e4', '123E4', '123e-4', '123e+4', '-1.123e4', '-1.123E4',
  '-1.123e-4', '-1.123e+4', '-1.123e4567', '00', '01', '01.23', '-01', '+1', '1.', '1e', '1E', '1.e1', '.123',
  '1.A', '-A', '1.0e', '1.0eA', '1.2e3e', '1.2e3.4', '1.23.4', '1.2.', '0xF1', '0b10', '123abc', '1_234', '1\u00DF',
  '1.23f', '1.234_5', '1ß', '-', '- 1', '9999999999999999999999999999', '0.0', '-0', '1e0', '0e0',
  'a-b', 'foo bar', '_under', '__typename', 'a1_B2', 'name\u00e9',
  '{ query: { a } }', 'query Q($a: [Int!]! = [1, 2]) @d { a(b: "c") { ...F } }',
];

const documentInputs = [
  '{ a }', '{ a, b, c }', 'query { a }', 'query Q { a }', 'mutation { a }', 'subscription S { a }',
  'query Q($v: Int = 1, $w: [String!]! @d) @dir(a: 1) { alias: field(arg: $v) @include(if: true) { sub } }',
  '{ ...Frag @d ... on T { a } ... @include(if: $x) { b } ... { c } }',
  'fragment F on T @d { a }', 'fragment F on T { ...G }\nfragment G on T { a }',
  '{ f(int: 1, neg: -1, float: 1.5e3, str: "s", block: """b""", t: true, f: false, n: null, e: ENUM, v: $v, l: [1, [2]], o: {a: 1, b: {c: [$v]}}) }',
  '{ f(a: "unicode \\u00e9 \\u{1F600} \\n \\"q\\"") }',
  '{ f(a: "tab\\there", b: "ctrl \\u0001 \\u007F") }',
  '{ f(a: """\n    indented\n      more\n  """) }',
  '{ f(a: """ leading space""", b: """trailing quote" """, c: """with \\""" escaped""") }',
  '{ f(a: "", b: [], c: {}) }',
  '{ a { b { c { d { e } } } } }',
  '# comment\n{\n  a # trailing\n  # own line\n  b\n}\n',
  '\uFEFF{ a }', '{ a }\n\n\n{ b }', 'query ($a: Int) { a }', 'query @d { a }',
  '{ on, fragment, query, mutation, subscription, true, false, null, type, schema, extend }',
  'query on { on: on(on: on) @on { on } }', 'fragment Frag on on { on }', '{ ...on, ... on on { a } }',
  '{ a(veryLongArgumentNumberOne: "some long value", veryLongArgumentNumberTwo: "another long value") }',
  '{ aliasName: someField(argumentOne: "value one", argumentTwo: "value two and a bit") }',
  '{ a(x: 1234567890123456789012345678901234567890, y: "0123456789012345678901234") }',
  '{ a(x: 1234567890123456789012345678901234567890, y: "01234567890123456789012345") }',
  '{ a(obj: {long: "long long long long long long long long long long long long long long long"}) @d { b } }',
  'query Q($a: String = """block default""") { a }',
  'query Q($a: In = {x: [1, 2], y: ENUM, z: null}) { a }',
  // Errors
  '', ' ', '{', '{ a', '{ a }}', '}', '{ field: {} }', 'notAnOperation Foo { field }', '...', '{ ""', '{ a: }',
  'query', 'query Q', 'query Q(', 'query Q($)', 'query Q($a) { a }', 'query Q($a:) { a }', 'query Q($a: Int =) { a }',
  'query Q($a: Int = $b) { a }', 'query Q($a: Int = [$b]) { a }', 'query Q($a: Int = {x: $b}) { a }',
  'query Q($a: Int) @d(x: $a) { a }', '{ a(x: $) }', '{ a(x: $1) }', '{ a(x:) }', '{ a() }', '{ a(x: 1 }',
  '{ a @ }', '{ a @d( }', '{ a { } }', '{ ...on }', '{ ... on }', '{ ... }', '{ ...F on }',
  'fragment on on on { on }', 'fragment F { a }', 'fragment F on { a }', 'fragment F($v: Int) on T { a }',
  'fragment F on T', 'query Q { a } garbage', 'subscriptionx { a }', 'Query { a }',
  '{ a(x: [1, 2) }', '{ a(x: {b 1}) }', '{ a(x: {b: 1, }) }', '{ a(x: "unterminated) }', '{ a(x: 1.) }',
  '{ a(x: 0x1) }', '{ a(x: 01) }', '{ a(x: 1a) }', '{ a } ?', "{ a(x: 'single') }", '"desc" { a }',
  '"desc" query { a }', '"desc" fragment F on T { a }', '"desc" extend type T @d', 'extend', 'extend foo',
  '{ a(x: [[[1]]]) b: c }', '{ a(x: [1 2 3]) }', '{ a(x: [1, , 2]) }',
  // Type system
  'schema { query: Query mutation: Mutation subscription: Sub }', 'schema @d { query: Q }',
  '"""The schema"""\nschema { query: Q }', 'schema {}', 'schema { q: Q }', 'schema @d',
  'scalar Date', 'scalar Date @specifiedBy(url: "https://example.com")', '"Described" scalar S',
  'type T', 'type T { a: Int }', 'type T implements I & J @d { a(x: Int = 1 @d, y: [String!]!): [T!] @deprecated }',
  'type T implements & I { a: Int }', 'type T implements I J { a: Int }', 'type T { a }', 'type T {}',
  'type T { a(): Int }', 'type T { "field desc" a("arg desc" x: Int): Int }',
  'type T {\n  """\n  Block\n  description\n  """\n  a(\n    """arg"""\n    x: Int\n    y: Int\n  ): Int\n}',
  'type T { a(x: Int = $v): Int }', 'type T @d(x: $v) { a: Int }',
  'interface I { a: Int }', 'interface I implements J & K { a: Int }', 'interface I',
  'union U = A | B', 'union U = | A | B', 'union U @d = A', 'union U', 'union U =', 'union U = A |',
  'union U = | | A', 'union U = A B',
  'enum E { A B C }', 'enum E { "desc" A @deprecated(reason: "r") B }', 'enum E { true }', 'enum E { false }',
  'enum E { null }', 'enum E { A, null }', 'enum E {}', 'enum E',
  'input I { a: Int = 1, b: [I!] @d }', 'input I { a(x: Int): Int }', 'input I {}', 'input I',
  'directive @d on FIELD', 'directive @d(a: Int = 1) repeatable on FIELD | QUERY',
  'directive @d on | FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT', 'directive @d on UNKNOWN', 'directive @d on field',
  'directive @d', 'directive d on FIELD', 'directive @d repeatable FIELD', '"""desc""" directive @d on SCHEMA',
  'directive @d(\n  """arg"""\n  a: Int\n) on FIELD_DEFINITION | ARGUMENT_DEFINITION',
  'extend schema @d', 'extend schema { query: Q }', 'extend schema', 'extend scalar S @d', 'extend scalar S',
  'extend type T implements I', 'extend type T @d', 'extend type T { a: Int }', 'extend type T',
  'extend interface I @d', 'extend interface I implements J', 'extend interface I',
  'extend union U = A', 'extend union U @d', 'extend union U', 'extend enum E { A }', 'extend enum E @d',
  'extend enum E', 'extend input I { a: Int }', 'extend input I @d', 'extend input I',
  'extend directive @d on FIELD', '"desc" type T { a: Int } "desc" input I { a: Int }',
  'type Query { a: Int }\n\n{ a }\n\nextend type Query { b: Int }',
  '"""\n  Multi-line\n    indented\n  description\n"""\ntype T { a: Int }',
  '"""  leading whitespace in single line"""\nscalar S',
  '"""trailing backslash\\\\"""\nscalar S',
  '"desc with \\"quotes\\" and \\n newline"\nscalar S',
  '"""' + 'x'.repeat(75) + '"""\nscalar S',
];

const valueInputs = [
  'null', 'true', 'false', '123', '-1.5e3', '"str"', '"""block"""', 'ENUM', '$var', '[]', '[1, "a", [true]]',
  '{}', '{a: 1, b: {c: $v}}', '[123 "abc"]', '{a: 1', '[1', '$', '$1', '...', '', '{ a: [ { b: $v } ] }',
  'query', '1 2',
];

const typeInputs = ['String', 'String!', '[String]', '[String!]!', '[[Int]!]', 'String!!', '[String', '!', '', 'String extra', '[]'];

// Lines for dedentBlockStringLines; also joined by \n as values for the printing functions.
const blockStringInputs = [
  [''], ['  a'], [' a', '  b'], ['', ' a', '  b'], ['', '  a', ' b'], ['', '  a', ' b', 'c'], ['', '\ta', '          b'],
  ['', '\t a', '          b'], ['', ' \t a', '          b'], ['a', '', ' b'], ['a', ' ', '  b'],
  ['', '    Hello,', '      World!', '', '    Yours,', '      GraphQL.'],
  ['', '', '    Hello,', '      World!', '', '    Yours,', '      GraphQL.', '', ''],
  ['  ', '        ', '    Hello,', '      World!', '', '    Yours,', '      GraphQL.', '        ', '  '],
  ['    Hello,', '      World!', '', '    Yours,', '      GraphQL.'],
  ['               ', '    Hello,     ', '      World!   ', '               ', '    Yours,     ', '      GraphQL. ', '               '],
  [' '], ['\t'], ['\t '], [' \t'], ['\x00'], ['a\x00b'], ['', ''], ['', '', ''], [' ', '  ', ''], ['\t', '\t\t', ''],
  ['\r'], ['', '\r'], ['\r', ''], ['a\rb'], ['', 'a'], [' ', 'a'], ['\t', 'a'], ['', '', 'a'], ['a', ''], ['a', ' '],
  ['a', '\t'], ['a', '', ''], ['\t"', '"'], ['\t"', ' ', '\t"'], ['" \\ / \b \f ', ' \r \t'], ['one liner'],
  ['triple quotation """'], ['    space-led string'], ['    space-led value "quoted string"'], ['backslash \\'],
  ['no indent', ' with indent'], ['    first  ', '  line     ', 'indentation', '     string'], ['x'.repeat(71)],
  ['x'.repeat(70)], ['ends with quote"'], ['a """ b'], ['""" at start'], ['\u0007 bell'], ['\u000b vtab'],
  ['unicode \u00e9 \u{1F600}'], ['a', 'b', 'c'], ['a', '  b', 'c'],
];

const printStringInputs = [
  '', 'hello', 'a"b', 'a\\b', '\b\f\n\r\t', '\u0000\u0001\u000b\u000e\u001f', '\u007f\u0080\u009f\u00a0',
  'unicode \u00e9 \u2028 \u{1F600}', '/ slash', "'single'",
];

function describe(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    if (!e.locations) throw e;
    return { error: { message: e.message, position: e.positions[0], line: e.locations[0].line, column: e.locations[0].column } };
  }
}

function toJson(node) {
  if (Array.isArray(node)) return node.map(toJson);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    out[key] = key === 'loc' ? toJsonLocation(value) : toJson(value);
  }
  return out;
}

// A document starts at graphql-js's start-of-file token, which sits at line 0, column 0; the engine's
// locations are 1-based throughout, so a document starts at 1:1 there.
function toJsonLocation(loc) {
  const atStartOfFile = loc.startToken.kind === TokenKind.SOF;
  return {
    start: loc.start,
    end: loc.end,
    line: atStartOfFile ? 1 : loc.startToken.line,
    column: atStartOfFile ? 1 : loc.startToken.column,
  };
}

function lexAll(input) {
  const lexer = new Lexer(new Source(input));
  const tokens = [];
  let token;
  do {
    token = lexer.advance();
    const t = { kind: token.kind, start: token.start, end: token.end, line: token.line, column: token.column };
    if (token.value !== undefined) t.value = token.value;
    tokens.push(t);
  } while (token.kind !== TokenKind.EOF);
  return tokens;
}

function parseAndPrint(input) {
  const document = parse(input);
  return { ast: toJson(document), printed: print(document) };
}

const cases = {
  version,
  lexer: lexerInputs.map((input) => ({ input, ...describe(() => lexAll(input)) })),
  documents: documentInputs.map((input) => ({ input, ...describe(() => parseAndPrint(input)) })),
  values: valueInputs.map((input) => ({ input, ...describe(() => ({ ast: toJson(parseValue(input)), printed: print(parseValue(input)) })) })),
  blockStrings: blockStringInputs.map((lines) => {
    const value = lines.join('\n');
    return {
      lines, dedented: dedentBlockStringLines(lines), printable: isPrintableAsBlockString(value),
      printed: printBlockString(value), minimized: printBlockString(value, { minimize: true }),
    };
  }),
  strings: printStringInputs.map((input) => ({ input, printed: printString(input) })),
  types: typeInputs.map((input) => ({ input, ...describe(() => ({ ast: toJson(parseType(input)), printed: print(parseType(input)) })) })),
};

// ASCII only, so that the C# source holds no unusual characters.
const section = (items) => '[\n' + items.map((item) => '  ' + JSON.stringify(item)).join(',\n') + '\n ]';
const json = ('{\n "version": ' + JSON.stringify(version)
  + ',\n "lexer": ' + section(cases.lexer)
  + ',\n "documents": ' + section(cases.documents)
  + ',\n "values": ' + section(cases.values)
  + ',\n "types": ' + section(cases.types)
  + ',\n "blockStrings": ' + section(cases.blockStrings)
  + ',\n "strings": ' + section(cases.strings) + '\n}').replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
if (json.includes('""""""')) throw new Error('fixture would end the raw string literal early');
process.stdout.write(`// <auto-generated> by generate-cases.mjs from graphql-js ${version}; do not edit. </auto-generated>
namespace GraphQLEngine.Tests.Language.GraphQLJs;

internal static class GraphQLJsCases
{
    public const string Json = """"""
${json}
"""""";
}
`);
