/**
 * Building the on-disk shapes from what importers found. Every value goes through the collection
 * schemas (app/contract/collection.ts), so an importer can only produce what the store can save.
 */
import {
  collectionFileSchema,
  environmentFileSchema,
  savedRequestSchema,
  type CollectionFile,
  type EnvironmentFile,
  type SavedRequest,
  type SavedRequestInput,
  type Variable,
} from '../contract/collection';
import type { ImportWarning } from './types';

export class Warnings {
  readonly list: ImportWarning[] = [];
  add(item: string, what: string): void {
    this.list.push({ item, what });
  }
}

export function makeRequest(input: SavedRequestInput): SavedRequest {
  return savedRequestSchema.parse({
    ...input,
    name: input.name.trim() || 'Untitled request',
    method: input.method || 'GET',
  });
}

export function makeCollection(input: Partial<CollectionFile> & { name: string }): CollectionFile {
  return collectionFileSchema.parse({ ...input, name: input.name.trim() || 'Imported collection' });
}

export function makeEnvironment(name: string, variables: Variable[]): EnvironmentFile {
  return environmentFileSchema.parse({ name: name.trim() || 'Environment', variables });
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Variable names are letters, digits, `_ . -`, starting with a letter or `_` (variableSchema). */
export function variableName(raw: string): { name: string; changed: boolean } {
  if (VARIABLE_NAME.test(raw)) return { name: raw, changed: false };
  let name = raw.trim().replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  return { name, changed: true };
}

/**
 * Adds variables under valid names, warning about renamed, duplicate and secret ones. Secrets keep
 * their name but not their value: DESIGN.md, secrets are never written into the collection.
 */
export function collectVariables(
  entries: readonly { name: string; value: string; secret?: boolean; enabled?: boolean }[],
  where: string,
  warnings: Warnings,
): Variable[] {
  const out: Variable[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name === '') continue;
    if (entry.enabled === false) {
      warnings.add(where, `variable "${entry.name}" is disabled in the source; not imported`);
      continue;
    }
    const { name, changed } = variableName(entry.name);
    if (changed)
      warnings.add(
        where,
        `variable "${entry.name}" renamed to "${name}" (names are letters, digits, _ . -); references to the old name are not rewritten`,
      );
    if (seen.has(name)) {
      warnings.add(where, `variable "${name}" is defined twice; the first value is kept`);
      continue;
    }
    seen.add(name);
    if (entry.secret) {
      warnings.add(
        where,
        `variable "${name}" is secret; its value is not written into the collection, set it in the app`,
      );
      out.push({ name, secret: true });
    } else out.push({ name, value: entry.value, secret: false });
  }
  return out;
}

/** Every `{{$name}}` in a text: Postman's dynamic variables ($guid, $timestamp, $random…). */
export function dynamicVariables(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts)
    for (const m of text.matchAll(/\{\{\s*(\$[A-Za-z0-9_.]+)\s*\}\}/g)) if (m[1]) found.add(m[1]);
  return [...found];
}

/** All strings of a request that may carry template references, for scans like dynamicVariables. */
export function requestTexts(request: SavedRequest): string[] {
  const texts = [request.url, ...request.headers.flatMap((h) => [h.name, h.value])];
  const body = request.body;
  switch (body.kind) {
    case 'text':
    case 'json':
    case 'xml':
      texts.push(body.text);
      break;
    case 'urlencoded':
      for (const f of body.fields) texts.push(f.name, f.value);
      break;
    case 'multipart':
      for (const p of body.parts) texts.push(p.name, p.kind === 'field' ? p.value : p.path);
      break;
    default:
      break;
  }
  const auth = request.auth;
  if (auth.type === 'basic' || auth.type === 'digest') texts.push(auth.username, auth.password);
  if (auth.type === 'bearer') texts.push(auth.token);
  if (auth.type === 'apikey') texts.push(auth.name, auth.value);
  return texts;
}

export function joinPath(path: readonly string[], name: string): string {
  return [...path, name].join(' / ');
}

/** The Content-Type header's media type, lower-cased, without parameters. */
export function mediaTypeOf(
  headers: readonly { name: string; value: string; enabled?: boolean }[],
): string | undefined {
  const h = headers.find((x) => x.name.toLowerCase() === 'content-type' && x.enabled !== false);
  return h?.value.split(';')[0]?.trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string | undefined): boolean {
  return (
    mediaType !== undefined &&
    (mediaType === 'application/json' || /\+json$/.test(mediaType) || mediaType === 'text/json')
  );
}

export function isXmlMediaType(mediaType: string | undefined): boolean {
  return (
    mediaType !== undefined &&
    (mediaType === 'application/xml' || mediaType === 'text/xml' || /\+xml$/.test(mediaType))
  );
}

/**
 * Postman, Insomnia and curl send a URL typed without a scheme over http (curl's documented default);
 * a URL that starts with a variable is left alone, the variable may hold the scheme.
 */
export function withDefaultScheme(url: string): string {
  if (url === '' || url.startsWith('{{') || /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) return url;
  return `http://${url}`;
}
