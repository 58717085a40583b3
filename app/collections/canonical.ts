/**
 * The canonical plain form of a schema value, as written to disk: keys in the order the zod schema
 * declares them (so every writer produces the same bytes), fields equal to their default left out (so
 * a file says only what the user chose), and `schema` always kept (the version marker).
 */
import { z } from 'zod';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Strips optional/default/nullable wrappers; returns the inner schema and the default, if any. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; hasDefault: boolean; defaultValue: unknown } {
  let cur: z.ZodType = schema;
  let hasDefault = false;
  let defaultValue: unknown;
  for (;;) {
    if (cur instanceof z.ZodDefault) {
      hasDefault = true;
      defaultValue = cur.def.defaultValue;
      cur = cur.def.innerType as z.ZodType;
    } else if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) {
      cur = cur.def.innerType as z.ZodType;
    } else {
      return { inner: cur, hasDefault, defaultValue };
    }
  }
}

/** The member of a union that accepts `value` (the first, as zod itself picks). */
export function unionMember(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  if (!(schema instanceof z.ZodUnion)) return undefined;
  const options = schema.def.options as readonly z.ZodType[];
  return options.find((o) => o.safeParse(value).success);
}

/** Object keys in declared order, or undefined when the schema is not an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function canonical(schema: z.ZodType, value: unknown): unknown {
  const { inner } = unwrap(schema);
  const member = unionMember(inner, value);
  if (member) return canonical(member, value);
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => canonical(inner.def.element as z.ZodType, item));
  }
  const shape = objectShape(inner);
  if (shape && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const v = value[key];
      if (v === undefined) continue;
      const info = unwrap(field);
      if (key !== 'schema' && info.hasDefault && deepEqual(v, info.defaultValue)) continue;
      out[key] = canonical(field, v);
    }
    return out;
  }
  return value;
}
