/**
 * Statuscope collection → Postman Collection v2.1 (and environments → Postman environment files).
 * The reverse of postman-import.ts, so Postman → Statuscope → Postman keeps every request's method,
 * URL, headers and body (postman-roundtrip.test.ts checks it on every Postman fixture). What Postman
 * has no place for is reported, never dropped silently.
 */
import pm from './postman-sdk';
import { assertNever } from '../common/result';
import type { EnvironmentFile, SavedRequest } from '../contract/collection';
import { joinPath, Warnings } from './build';
import { postmanAuthJson } from './postman-auth';
import { isRecord } from './structured';
import type { CollectionTree, ImportedItem, ImportWarning } from './types';

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Raw-body languages Postman knows, by the Content-Type they imply (the reverse of the importer's map). */
const LANGUAGE_BY_TYPE: Record<string, string> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/html': 'html',
  'application/javascript': 'javascript',
  'application/graphql': 'graphql',
};

function urlJson(url: string): Record<string, unknown> {
  try {
    const parsed: unknown = new pm.Url(url).toJSON();
    return isRecord(parsed) ? { ...parsed, raw: url } : { raw: url };
  } catch {
    return { raw: url };
  }
}

function bodyJson(
  request: SavedRequest,
  where: string,
  warnings: Warnings,
  headers: { key: string; value: string }[],
): Record<string, unknown> | undefined {
  const body = request.body;
  const hasContentType = headers.some((h) => h.key.toLowerCase() === 'content-type');
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'xml':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'xml' } } };
    case 'text': {
      const media = body.contentType?.split(';')[0]?.trim().toLowerCase();
      const language = media ? LANGUAGE_BY_TYPE[media] : undefined;
      if (body.contentType && !language && !hasContentType) {
        headers.push({ key: 'Content-Type', value: body.contentType });
        warnings.add(
          where,
          `Content-Type ${body.contentType} of the text body written as a header (Postman raw bodies carry no type)`,
        );
      }
      return { mode: 'raw', raw: body.text, options: { raw: { language: language ?? 'text' } } };
    }
    case 'urlencoded':
      return {
        mode: 'urlencoded',
        urlencoded: body.fields.map((f) => ({ key: f.name, value: f.value, type: 'text' })),
      };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((p) => {
          if (p.kind === 'field') return { key: p.name, value: p.value, type: 'text' };
          if (p.filename)
            warnings.add(
              where,
              `file name "${p.filename}" of part "${p.name}" not exported (Postman sends the file's own name)`,
            );
          return {
            key: p.name,
            type: 'file',
            src: p.path,
            ...(p.contentType ? { contentType: p.contentType } : {}),
          };
        }),
      };
    case 'file':
      return { mode: 'file', file: { src: body.path } };
    case 'binary':
      warnings.add(
        where,
        'binary body not exported: Postman has no inline binary body (save it to a file and choose it in Postman)',
      );
      return undefined;
    default:
      return assertNever(body, 'body kind');
  }
}

function requestJson(
  request: SavedRequest,
  where: string,
  warnings: Warnings,
  collectionHeaders: SavedRequest['headers'],
): Record<string, unknown> {
  const own = new Set(request.headers.map((h) => h.name.toLowerCase()));
  const header = [...collectionHeaders.filter((h) => !own.has(h.name.toLowerCase())), ...request.headers].map(
    (h) => ({
      key: h.name,
      value: h.value,
      ...(h.enabled ? {} : { disabled: true }),
    }),
  );
  const body = bodyJson(request, where, warnings, header);
  const auth = postmanAuthJson(request.auth);
  if (request.assertions.length)
    warnings.add(
      where,
      `${request.assertions.length} assertion${request.assertions.length > 1 ? 's' : ''} not exported (Postman checks responses with test scripts)`,
    );
  return {
    method: request.method,
    header,
    ...(body ? { body } : {}),
    url: urlJson(request.url),
    ...(auth ? { auth } : {}),
    ...(request.notes ? { description: request.notes } : {}),
  };
}

/** Only what differs from Statuscope's defaults; Postman's own defaults differ (it follows redirects). */
function behaviorJson(request: SavedRequest): Record<string, unknown> {
  const o = request.options;
  const out: Record<string, unknown> = { followRedirects: (o.maxRedirects ?? 0) > 0 };
  if ((o.maxRedirects ?? 0) > 0) out.maxRedirects = o.maxRedirects;
  if (o.rejectUnauthorized === false) out.strictSSL = false;
  return out;
}

function itemsJson(
  items: readonly ImportedItem[],
  path: string[],
  warnings: Warnings,
  collectionHeaders: SavedRequest['headers'],
): Record<string, unknown>[] {
  return items.map((item) => {
    if (item.kind === 'folder') {
      return {
        name: item.name,
        ...(item.description ? { description: item.description } : {}),
        item: itemsJson(item.children, [...path, item.name], warnings, collectionHeaders),
      };
    }
    const where = joinPath(path, item.request.name);
    return {
      name: item.request.name,
      request: requestJson(item.request, where, warnings, collectionHeaders),
      protocolProfileBehavior: behaviorJson(item.request),
      response: [],
    };
  });
}

export function toPostmanCollection(tree: Omit<CollectionTree, 'environments'>): {
  json: Record<string, unknown>;
  warnings: ImportWarning[];
} {
  const warnings = new Warnings();
  const { collection } = tree;
  if (collection.headers.length)
    warnings.add(
      collection.name,
      `collection headers ${collection.headers.map((h) => h.name).join(', ')} copied into every request (Postman collections carry no headers)`,
    );
  const variable = collection.variables.map((v) => {
    if (v.secret) warnings.add(collection.name, `secret variable "${v.name}" exported without its value`);
    return {
      key: v.name,
      value: v.secret ? '' : (v.value ?? ''),
      ...(v.secret ? { type: 'secret' } : { type: 'string' }),
    };
  });
  const auth = postmanAuthJson(collection.auth);
  const json = {
    info: {
      name: collection.name,
      ...(collection.description ? { description: collection.description } : {}),
      schema: POSTMAN_SCHEMA_V21,
    },
    item: itemsJson(tree.items, [], warnings, collection.headers),
    ...(auth ? { auth } : {}),
    variable,
  };
  return { json, warnings: warnings.list };
}

export function toPostmanEnvironment(env: EnvironmentFile): Record<string, unknown> {
  return {
    name: env.name,
    values: env.variables.map((v) => ({
      key: v.name,
      value: v.secret ? '' : (v.value ?? ''),
      type: v.secret ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
}
