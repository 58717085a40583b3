/**
 * One documented operation → the request an audit sends: path parameters and required query and header
 * parameters filled with the spec's examples (or values synthesised from their schemas), and the body the
 * formats helper builds for imports (app/formats/openapi-operation.ts), so an audit and an import agree.
 */
import type { HeaderPair, RequestBody, RequestSpec } from '../../contract/exchange';
import { Warnings } from '../../formats/build';
import { exampleFromSchema, exampleText, explicitExample } from '../../formats/openapi-example';
import { operationRequest } from '../../formats/openapi-operation';
import { asArray, asText, isRecord } from '../../formats/structured';
import { bareSpec } from '../observe';
import type { SpecOperation } from './spec';

type Params = Record<string, unknown>[];

/** Path-level parameters apply to every operation; the operation's own override them by name and location (OAS 3.x §4.8.10). */
export function mergedParameters(
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown> = {},
): Params {
  const merged = new Map<string, Record<string, unknown>>();
  for (const p of [...asArray(pathItem.parameters), ...asArray(operation.parameters)].filter(isRecord))
    merged.set(`${asText(p.in)}:${asText(p.name)}`, p);
  return [...merged.values()];
}

/** The parameter's example (its own, its schema's, or synthesised); a synthesised 0 becomes 1, since ids rarely start at 0. */
function parameterValue(p: Record<string, unknown>): unknown {
  const own = explicitExample(p);
  if (own.found) return own.value;
  const schema = isRecord(p.schema) ? p.schema : p; // Swagger 2.0: the parameter is its own schema
  const fromSchema = explicitExample(schema);
  if (fromSchema.found) return fromSchema.value;
  const made = exampleFromSchema(schema);
  return made === 0 ? 1 : made;
}

/** `/items/{id}` with the examples filled in, each segment percent-encoded (RFC 3986 §3.3). */
export function fillPath(template: string, params: Params): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const p = params.find((x) => x.in === 'path' && asText(x.name) === name);
    return encodeURIComponent(exampleText(p ? parameterValue(p) : '1') ?? '1');
  });
}

function requiredQuery(params: Params): string {
  const pairs: string[] = [];
  for (const p of params) {
    if (p.in !== 'query' || p.required !== true) continue;
    const name = encodeURIComponent(asText(p.name));
    const value = parameterValue(p);
    const explode =
      typeof p.explode === 'boolean'
        ? p.explode
        : asText(p.style, 'form') === 'form' && p.collectionFormat === undefined;
    if (Array.isArray(value) && (explode || p.collectionFormat === 'multi'))
      for (const v of value) pairs.push(`${name}=${encodeURIComponent(exampleText(v) ?? '')}`);
    else pairs.push(`${name}=${encodeURIComponent(exampleText(value) ?? '')}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** File bodies and file parts have no file to send in an audit: left out rather than failing the request. */
function sendableBody(body: RequestBody): RequestBody {
  if (body.kind === 'file') return { kind: 'none' };
  if (body.kind === 'multipart')
    return { kind: 'multipart', parts: body.parts.filter((p) => p.kind === 'field') };
  return body;
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

export function operationSpec(
  doc: Record<string, unknown>,
  op: SpecOperation,
  baseUrl: string,
  extraHeaders: readonly HeaderPair[],
  timeoutMs: number,
): RequestSpec {
  const params = mergedParameters(op.pathItem, op.operation);
  const built = operationRequest({
    doc,
    path: op.path,
    method: op.method.toLowerCase(),
    pathItem: op.pathItem,
    operation: op.operation,
    where: `${op.method} ${op.path}`,
    warnings: new Warnings(),
    schemes: {},
    globalAuth: undefined,
  });
  const headers: HeaderPair[] = (built.request.headers ?? [])
    .filter((h) => h.enabled !== false)
    .map((h): HeaderPair => [h.name, h.value]);
  const extraNames = new Set(extraHeaders.map(([n]) => n.toLowerCase()));
  const url = joinUrl(baseUrl, fillPath(op.path, params)) + requiredQuery(params);
  return bareSpec(
    op.method,
    url,
    [...headers.filter(([n]) => !extraNames.has(n.toLowerCase())), ...extraHeaders],
    timeoutMs,
    sendableBody(built.request.body ?? { kind: 'none' }),
  );
}
