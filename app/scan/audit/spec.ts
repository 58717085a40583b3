/**
 * Reading the document an audit checks: OpenAPI 3.x or Swagger 2.0, JSON or YAML, validated only as far
 * as dereferencing needs (@readme/openapi-parser, never fetching external references), flattened into
 * the list of documented operations in document order.
 */
import { dereference } from '@readme/openapi-parser';
import { fail, messageOf, ok, type Result } from '../../common/result';
import { HTTP_METHODS } from '../../formats/openapi-import';
import { asArray, asRecord, asText, isRecord, parseStructured } from '../../formats/structured';

type ApiDocument = Exclude<Parameters<typeof dereference>[0], string>;

function isApiDocument(doc: unknown): doc is ApiDocument {
  return (
    isRecord(doc) &&
    isRecord(doc.info) &&
    ((typeof doc.openapi === 'string' && doc.openapi.startsWith('3.')) || doc.swagger === '2.0')
  );
}

export interface SpecOperation {
  /** Upper case, as sent. */
  method: string;
  path: string;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
  operationId?: string;
  summary?: string;
}

export interface LoadedSpec {
  doc: Record<string, unknown>;
  title: string;
  version: string;
  /** Absolute server URLs the document names, first one first (server variables at their defaults). */
  servers: string[];
  operations: SpecOperation[];
  /** Path templates in document order. */
  paths: string[];
}

function serverUrls(doc: Record<string, unknown>): string[] {
  if (doc.swagger !== undefined) {
    const host = asText(doc.host);
    if (host === '') return [];
    const schemes = asArray(doc.schemes)
      .map((s) => asText(s))
      .filter(Boolean);
    return (schemes.length ? schemes : ['https']).map((s) => `${s}://${host}${asText(doc.basePath)}`);
  }
  return asArray(doc.servers)
    .filter(isRecord)
    .map((server) =>
      asText(server.url).replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const variable = asRecord(asRecord(server.variables)[name]);
        return 'default' in variable ? asText(variable.default) : whole;
      }),
    )
    .filter((url) => /^https?:\/\//i.test(url));
}

export async function loadSpec(text: string): Promise<Result<LoadedSpec>> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return fail('audit.invalid-spec', parsed.error.message);
  if (!isApiDocument(parsed.value)) {
    return fail(
      'audit.invalid-spec',
      'Not an OpenAPI document: expected "openapi: 3.x" or "swagger: 2.0" and an "info" object at the top level.',
    );
  }
  let deref: unknown;
  try {
    deref = await dereference(structuredClone(parsed.value), { resolve: { external: false, file: false } });
  } catch (thrown) {
    return fail(
      'audit.invalid-spec',
      `The OpenAPI document could not be read: ${messageOf(thrown).split('\n')[0] ?? ''}`,
    );
  }
  const doc = asRecord(deref);
  const operations: SpecOperation[] = [];
  const paths: string[] = [];
  for (const [path, item] of Object.entries(asRecord(doc.paths))) {
    const pathItem = asRecord(item);
    paths.push(path);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const operationId = asText(operation.operationId);
      const summary = asText(operation.summary).trim();
      operations.push({
        method: method.toUpperCase(),
        path,
        pathItem,
        operation,
        ...(operationId ? { operationId } : {}),
        ...(summary ? { summary } : {}),
      });
    }
  }
  const info = asRecord(doc.info);
  return ok({
    doc,
    title: asText(info.title, 'OpenAPI'),
    version: asText(info.version),
    servers: serverUrls(doc),
    operations,
    paths,
  });
}
