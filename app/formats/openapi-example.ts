/**
 * Example values from a (dereferenced) JSON Schema, for request bodies and parameters.
 * Order of preference, as the spec authors meant it: `example`, `examples[0]`, `default`, `const`,
 * `enum[0]`; otherwise a value synthesised from `type`/`format`. Depth is bounded and `$ref` cycles
 * (which dereferencing turns into object cycles) are cut, so any schema terminates.
 */
import { asArray, asRecord, isRecord } from './structured';

const MAX_DEPTH = 8;

/** Sample strings per `format` (OpenAPI 3.1 §4.4, JSON Schema validation §7.3); documentation ranges for addresses. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1', // RFC 5737 documentation range
  ipv6: '2001:db8::1', // RFC 3849 documentation prefix
  uri: 'https://example.com',
  'uri-reference': '/example',
  iri: 'https://example.com',
  url: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  byte: 'U3RhdHVzY29wZQ==',
  binary: '',
  password: 'password',
  regex: '.*',
};

export interface ExampleOptions {
  /** Request bodies leave out `readOnly` properties (the server sets them). */
  forRequest: boolean;
}

/** The author's example, when the schema (or a parameter/media type object) carries one. */
export function explicitExample(
  node: Record<string, unknown>,
): { found: true; value: unknown } | { found: false } {
  if ('example' in node && node.example !== undefined) return { found: true, value: node.example };
  if (Array.isArray(node.examples) && node.examples.length > 0)
    return { found: true, value: node.examples[0] };
  if (isRecord(node.examples)) {
    // Parameter / media type objects: a map of Example Objects, `{name: {value}}`.
    for (const ex of Object.values(node.examples))
      if (isRecord(ex) && 'value' in ex) return { found: true, value: ex.value };
  }
  if ('x-example' in node) return { found: true, value: node['x-example'] };
  if ('default' in node && node.default !== undefined) return { found: true, value: node.default };
  if ('const' in node) return { found: true, value: node.const };
  if (Array.isArray(node.enum) && node.enum.length > 0) return { found: true, value: node.enum[0] };
  return { found: false };
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is string => typeof t === 'string');
    return types.find((t) => t !== 'null') ?? types[0];
  }
  if (isRecord(schema.properties) || isRecord(schema.additionalProperties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function numberSample(schema: Record<string, unknown>, integer: boolean): number {
  const min =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
        : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let value = min ?? (max !== undefined && max < 0 ? max : 0);
  if (schema.exclusiveMinimum === true && min !== undefined && value === schema.minimum)
    value += integer ? 1 : 0.5;
  return integer ? Math.ceil(value) : value;
}

function walk(schema: unknown, opts: ExampleOptions, depth: number, stack: Set<object>): unknown {
  if (!isRecord(schema)) return undefined;
  const explicit = explicitExample(schema);
  if (explicit.found) return explicit.value;
  if (stack.has(schema) || depth > MAX_DEPTH) return undefined;
  stack.add(schema);
  try {
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
      const parts = schema.allOf.map((s) => walk(s, opts, depth + 1, stack));
      const own = isRecord(schema.properties)
        ? walk({ ...schema, allOf: undefined }, opts, depth + 1, stack)
        : undefined;
      const objects = [...parts, own].filter(isRecord);
      if (objects.length > 0) return Object.assign({}, ...objects);
      return parts.find((p) => p !== undefined);
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = asArray(schema[key]);
      if (options.length > 0) {
        const pick = options.find((o) => !(isRecord(o) && o.type === 'null')) ?? options[0];
        return walk(pick, opts, depth + 1, stack);
      }
    }
    switch (typeOf(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [name, prop] of Object.entries(asRecord(schema.properties))) {
          if (opts.forRequest && isRecord(prop) && prop.readOnly === true) continue;
          if (!opts.forRequest && isRecord(prop) && prop.writeOnly === true) continue;
          const value = walk(prop, opts, depth + 1, stack);
          if (value !== undefined) out[name] = value;
        }
        return out;
      }
      case 'array': {
        const item = walk(schema.items, opts, depth + 1, stack);
        return item === undefined ? [] : [item];
      }
      case 'string':
        return typeof schema.format === 'string' ? (FORMAT_SAMPLES[schema.format] ?? 'string') : 'string';
      case 'integer':
        return numberSample(schema, true);
      case 'number':
        return numberSample(schema, false);
      case 'boolean':
        return true;
      case 'null':
        return null;
      case 'file':
        return ''; // Swagger 2.0 formData files
      default:
        return undefined;
    }
  } finally {
    stack.delete(schema);
  }
}

export function exampleFromSchema(schema: unknown, opts: ExampleOptions = { forRequest: true }): unknown {
  return walk(schema, opts, 0, new Set());
}

/** A parameter value as URL/header text: arrays joined with commas (style=simple/form, explode=false). */
export function exampleText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => exampleText(v) ?? '').join(',');
  return JSON.stringify(value);
}
