/**
 * Reading and writing the collection's YAML files.
 * - Parse errors (YAML syntax or schema) become a `FileProblem` with the line and column of the
 *   offending node, so the user can fix the file; the file itself is left untouched.
 * - New files are written in canonical form (canonical.ts) with settings chosen for diffs: no line
 *   folding (a long URL stays on one line), multi-line strings as literal blocks.
 * - Edits reconcile the existing YAML document node by node (yaml's Document API), so comments,
 *   quoting and key order the user wrote survive wherever the value did not change.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type ToStringOptions,
} from 'yaml';
import { z } from 'zod';
import { canonical, deepEqual, objectShape, unionMember, unwrap } from './canonical';
import type { FileProblem } from './types';

export const YAML_WRITE_OPTIONS: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal',
  indent: 2,
};

export type Parsed<T> = { ok: true; value: T; doc: Document } | { ok: false; problem: FileProblem };

function nodeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as Node).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}

/** The position of the deepest node along `path` that exists (a missing key points at its parent map). */
function positionOf(doc: Document, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const keys = path.slice(0, n).map((k) => (typeof k === 'symbol' ? String(k) : k));
    const node: unknown = n === 0 ? doc.contents : doc.getIn(keys, true);
    const start = nodeStart(node);
    if (start !== undefined) return start;
  }
  return 0;
}

export function parseYaml<S extends z.ZodType>(
  text: string,
  schema: S,
  relPath: string,
): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0] ?? first.message;
    return {
      ok: false,
      problem: { path: relPath, line: pos.line, column: pos.col, reason: `YAML: ${reason}` },
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    const pos = lineCounter.linePos(issue ? positionOf(doc, issue.path) : 0);
    const reason = `${where === '' ? 'file' : where}: ${issue?.message ?? 'does not match the schema'}`;
    return { ok: false, problem: { path: relPath, line: pos.line, column: pos.col, reason } };
  }
  return { ok: true, value: parsed.data, doc };
}

function styleStrings(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    return;
  }
  if (isMap(node)) for (const pair of node.items) styleStrings(pair.value);
  if (isSeq(node)) for (const item of node.items) styleStrings(item);
}

/** A new file's text: the canonical form of `value`. */
export function toYamlText(schema: z.ZodType, value: unknown): string {
  const doc = new Document(canonical(schema, value));
  styleStrings(doc.contents);
  return doc.toString(YAML_WRITE_OPTIONS);
}

function keyOf(pairKey: unknown): unknown {
  return isScalar(pairKey) ? pairKey.value : pairKey;
}

/**
 * Updates `node` (inside `doc`) to hold `full`, touching only what differs. `full` is the parsed value
 * (defaults filled in); `compact` its canonical form, used for anything that has to be added, so a key
 * the user wrote explicitly with its default value is kept, and a default is never added.
 */
function reconcile(
  doc: Document,
  node: unknown,
  schema: z.ZodType,
  full: unknown,
  compact: unknown,
): unknown {
  const { inner } = unwrap(schema);
  const member = unionMember(inner, full);
  const s = member ?? inner;
  if (isScalar(node) && (full === null || typeof full !== 'object')) {
    if (node.value !== full) {
      node.value = full;
      if (typeof full === 'string' && full.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') node.type = 'PLAIN';
    }
    return node;
  }
  const shape = objectShape(s);
  if (isMap(node) && shape && typeof full === 'object' && full !== null && !Array.isArray(full)) {
    const fullRec = full as Record<string, unknown>;
    const compactRec = (typeof compact === 'object' && compact !== null ? compact : {}) as Record<
      string,
      unknown
    >;
    node.items = node.items.filter((pair) => {
      const k = keyOf(pair.key);
      // Keys the schema does not know are the user's own: keep them.
      return typeof k !== 'string' || !(k in shape) || fullRec[k] !== undefined;
    });
    const order = Object.keys(shape);
    for (const key of order) {
      const fieldSchema = shape[key];
      const value = fullRec[key];
      if (fieldSchema === undefined || value === undefined) continue;
      const existing = node.items.find((pair) => keyOf(pair.key) === key);
      if (existing) {
        const current: unknown =
          isScalar(existing.value) || isMap(existing.value) || isSeq(existing.value)
            ? existing.value
            : undefined;
        if (current !== undefined && deepEqual(value, (current as Node).toJSON())) continue;
        existing.value = reconcile(
          doc,
          current,
          fieldSchema,
          value,
          compactRec[key] ?? canonical(fieldSchema, value),
        );
        continue;
      }
      if (!(key in compactRec)) continue;
      const added = doc.createPair(key, compactRec[key]);
      styleStrings(added.value);
      // Insert after the last existing key that the schema orders before this one.
      const before = new Set(order.slice(0, order.indexOf(key)));
      let at = 0;
      node.items.forEach((pair, i) => {
        const k = keyOf(pair.key);
        if (typeof k === 'string' && before.has(k)) at = i + 1;
      });
      node.items.splice(at, 0, added);
    }
    return node;
  }
  if (isSeq(node) && s instanceof z.ZodArray && Array.isArray(full)) {
    const element = s.def.element as z.ZodType;
    {
      const compactArr = Array.isArray(compact) ? compact : [];
      node.items = node.items.slice(0, full.length);
      full.forEach((item, i) => {
        const existing = node.items[i];
        const c = compactArr[i] ?? canonical(element, item);
        if (existing === undefined) {
          const created = doc.createNode(c);
          styleStrings(created);
          node.items.push(created);
        } else {
          node.items[i] = reconcile(doc, existing, element, item, c) as (typeof node.items)[number];
        }
      });
      return node;
    }
  }
  const created = doc.createNode(compact);
  styleStrings(created);
  return created;
}

/** The edited text of an existing document, comments and untouched formatting preserved. */
export function updateYamlText(doc: Document, schema: z.ZodType, value: unknown): string {
  doc.contents = reconcile(
    doc,
    doc.contents,
    schema,
    value,
    canonical(schema, value),
  ) as Document['contents'];
  return doc.toString(YAML_WRITE_OPTIONS);
}
