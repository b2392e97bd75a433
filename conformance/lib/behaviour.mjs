// The runtime behaviour of the conformance schema: resolvers and the Date scalar. Everything here is
// a deterministic function of conformance/data.json and the field arguments; the C# runner mirrors it.
import { Kind, getNamedType, isCompositeType, print } from 'graphql';

import { canonicalJson } from './canonicalJson.mjs';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function attachDateScalar(schema) {
  const date = schema.getType('Date');
  date.serialize = (value) => {
    if (typeof value === 'string' && datePattern.test(value)) return value;
    throw new TypeError(`Date cannot represent value: ${JSON.stringify(value)}`);
  };
  date.parseValue = (value) => {
    if (typeof value === 'string' && datePattern.test(value)) return value;
    throw new TypeError(`Date cannot represent value: ${JSON.stringify(value)}`);
  };
  date.parseLiteral = (node) => {
    if (node.kind === Kind.STRING && datePattern.test(node.value)) return node.value;
    throw new TypeError(`Date cannot represent literal: ${print(node)}`);
  };
}

export function createFieldResolver(data) {
  const { resolvers, objects } = data;

  // Composite-typed values stored as strings are ids into `objects`; lists are resolved item by item.
  function dereference(value, isComposite) {
    if (!isComposite) return value;
    if (typeof value === 'string') return objects[value] ?? null;
    if (Array.isArray(value)) return value.map((item) => dereference(item, true));
    return value;
  }

  function resolveRaw(kind, source, args, info) {
    const [name, parameter] = kind.split(':');
    switch (name) {
      case 'property':
        return source == null ? undefined : source[info.fieldName];
      case 'echo':
        return canonicalJson(args);
      case 'byId':
        return args.id ?? null;
      case 'arg':
        return args[parameter];
      case 'slice': {
        const list = source[info.fieldName];
        if (list == null) return list;
        const count = args[parameter];
        return count == null ? list : list.slice(0, Math.max(0, count));
      }
      case 'throw':
        throw new Error(`${info.parentType.name}.${info.fieldName} failed`);
      default:
        throw new Error(`Unknown resolver kind ${kind}`);
    }
  }

  return function fieldResolver(source, args, _context, info) {
    const kind =
      resolvers[`${info.parentType.name}.${info.fieldName}`] ??
      resolvers[`${info.parentType.name}.*`] ??
      'property';
    const value = resolveRaw(kind, source, args, info);
    return dereference(value, isCompositeType(getNamedType(info.returnType)));
  };
}

export function typeResolver(value) {
  return value?.__typename;
}
