/**
 * One OpenAPI operation → the parts of a SavedRequest: URL with `{{path}}` variables and required
 * query parameters, header rows (optional ones disabled), a body with an example, auth, notes.
 */
import type { Auth, HeaderRow, SavedRequestInput } from '../contract/collection';
import type { RequestBody } from '../contract/exchange';
import { isJsonMediaType, isXmlMediaType, variableName, type Warnings } from './build';
import { urlencodedBody } from './body';
import { exampleFromSchema, exampleText, explicitExample } from './openapi-example';
import { mapRequirement } from './openapi-security';
import { asArray, asRecord, asText, isRecord } from './structured';

export interface OperationInput {
  doc: Record<string, unknown>;
  path: string;
  method: string;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
  where: string;
  warnings: Warnings;
  schemes: Record<string, unknown>;
  globalAuth: Auth | undefined;
}

export interface OperationRequest {
  request: Omit<SavedRequestInput, 'name'>;
  pathVariables: Map<string, string>;
  secrets: string[];
}

/** OAS 3.x §4.8.12.1: these header parameters "SHALL be ignored" (the body and security set them). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** Path-level parameters apply to every operation; the operation's override them by name and location. */
function parametersOf(
  pathItem: Record<string, unknown>,
  operation: Record<string, unknown>,
): Record<string, unknown>[] {
  const merged = new Map<string, Record<string, unknown>>();
  for (const p of [...asArray(pathItem.parameters), ...asArray(operation.parameters)].filter(isRecord))
    merged.set(`${asText(p.in)}:${asText(p.name)}`, p);
  return [...merged.values()];
}

/** The parameter's value: its own example, its schema's, or one synthesised from the schema (2.0: the parameter is the schema). */
function parameterExample(p: Record<string, unknown>): { value: unknown; explicit: boolean } {
  const own = explicitExample(p);
  if (own.found) return { value: own.value, explicit: true };
  const schema = isRecord(p.schema) ? p.schema : p;
  const fromSchema = explicitExample(schema);
  if (fromSchema.found) return { value: fromSchema.value, explicit: true };
  return { value: exampleFromSchema(schema), explicit: false };
}

/** Keeps `{{var}}` readable inside an encoded query value. */
function encodeQuery(text: string): string {
  return encodeURIComponent(text)
    .replace(/%7B%7B/g, '{{')
    .replace(/%7D%7D/g, '}}');
}

function queryPairs(p: Record<string, unknown>, value: unknown): string[] {
  const name = encodeQuery(asText(p.name));
  const style = asText(p.style, 'form');
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  const collectionFormat = asText(p.collectionFormat); // Swagger 2.0
  if (Array.isArray(value) && (explode || collectionFormat === 'multi'))
    return value.map((v) => `${name}=${encodeQuery(exampleText(v) ?? '')}`);
  if (Array.isArray(value)) {
    const sep =
      collectionFormat === 'ssv'
        ? ' '
        : collectionFormat === 'tsv'
          ? '\t'
          : collectionFormat === 'pipes' || style === 'pipeDelimited'
            ? '|'
            : style === 'spaceDelimited'
              ? ' '
              : ',';
    return [`${name}=${encodeQuery(value.map((v) => exampleText(v) ?? '').join(sep))}`];
  }
  return [`${name}=${encodeQuery(exampleText(value) ?? '')}`];
}

function describeParam(p: Record<string, unknown>): string {
  const schema = isRecord(p.schema) ? p.schema : p;
  const type = asText(schema.type) || 'value';
  const description = asText(p.description).split('\n')[0]?.trim();
  return `${asText(p.name)} (${type})${description ? ` — ${description}` : ''}`;
}

const MEDIA_PREFERENCE = [
  (m: string) => isJsonMediaType(m),
  (m: string) => m === 'application/x-www-form-urlencoded',
  (m: string) => m === 'multipart/form-data',
  (m: string) => isXmlMediaType(m),
  (m: string) => m.startsWith('text/'),
];

function pickMediaType(types: string[]): string | undefined {
  for (const prefer of MEDIA_PREFERENCE) {
    const found = types.find((t) => prefer(t.split(';')[0]?.trim().toLowerCase() ?? ''));
    if (found) return found;
  }
  return types[0];
}

function isBinarySchema(schema: unknown): boolean {
  const s = asRecord(schema);
  return (
    s.type === 'file' ||
    (s.type === 'string' && (s.format === 'binary' || s.format === 'base64')) ||
    (s.type === 'array' && isBinarySchema(s.items))
  );
}

/** A body from an example value in the chosen media type; `schema` tells file parts from fields. */
function bodyFor(
  mediaType: string,
  example: unknown,
  schema: unknown,
  where: string,
  warnings: Warnings,
): RequestBody {
  const media = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isJsonMediaType(media))
    return { kind: 'json', text: example === undefined ? '' : JSON.stringify(example, null, 2) };
  if (media === 'application/x-www-form-urlencoded' || media === 'multipart/form-data') {
    const props = asRecord(asRecord(schema).properties);
    const fields = Object.entries(asRecord(example));
    if (media === 'application/x-www-form-urlencoded') {
      return {
        kind: 'urlencoded',
        fields: fields.map(([name, value]) => ({ name, value: exampleText(value) ?? '' })),
      };
    }
    const parts: Extract<RequestBody, { kind: 'multipart' }>['parts'] = [];
    for (const [name, value] of fields) {
      if (isBinarySchema(props[name])) {
        warnings.add(
          where,
          `multipart file part "${name}" imported with an empty path: choose the file before sending`,
        );
        parts.push({ kind: 'file', name, path: '' });
      } else parts.push({ kind: 'field', name, value: exampleText(value) ?? '' });
    }
    return { kind: 'multipart', parts };
  }
  if (
    isBinarySchema(schema) ||
    media === 'application/octet-stream' ||
    media.startsWith('image/') ||
    media.startsWith('audio/') ||
    media.startsWith('video/')
  ) {
    warnings.add(
      where,
      `binary body (${mediaType}) imported with an empty file path: choose the file before sending`,
    );
    return { kind: 'file', path: '', contentType: mediaType };
  }
  if (isXmlMediaType(media)) {
    if (typeof example === 'string') return { kind: 'xml', text: example };
    warnings.add(where, `no XML example in the spec for ${mediaType}; the body is left empty`);
    return { kind: 'xml', text: '' };
  }
  if (media === 'application/x-www-form-urlencoded') return urlencodedBody(exampleText(example) ?? '');
  return { kind: 'text', text: exampleText(example) ?? '', contentType: mediaType };
}

interface BodyChoice {
  body: RequestBody;
  contentType?: string;
  others: string[];
}

function requestBodyOf(input: OperationInput, params: Record<string, unknown>[]): BodyChoice {
  const { operation, doc, where, warnings } = input;
  if (doc.swagger !== undefined) {
    const consumes = asArray(operation.consumes ?? doc.consumes).map((c) => asText(c));
    const bodyParam = params.find((p) => p.in === 'body');
    const formParams = params.filter((p) => p.in === 'formData');
    if (bodyParam) {
      const mediaType = pickMediaType(consumes) ?? 'application/json';
      const ex = explicitExample(bodyParam);
      const example = ex.found ? ex.value : exampleFromSchema(bodyParam.schema);
      return {
        body: bodyFor(mediaType, example, bodyParam.schema, where, warnings),
        contentType: mediaType,
        others: consumes.filter((c) => c !== mediaType),
      };
    }
    if (formParams.length) {
      const multipart = consumes.includes('multipart/form-data') || formParams.some((p) => p.type === 'file');
      const mediaType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
      const schema = {
        type: 'object',
        properties: Object.fromEntries(formParams.map((p) => [asText(p.name), p])),
      };
      const example = Object.fromEntries(formParams.map((p) => [asText(p.name), parameterExample(p).value]));
      return {
        body: bodyFor(mediaType, example, schema, where, warnings),
        contentType: mediaType,
        others: [],
      };
    }
    return { body: { kind: 'none' }, others: [] };
  }
  const requestBody = asRecord(operation.requestBody);
  const content = asRecord(requestBody.content);
  const types = Object.keys(content);
  const mediaType = pickMediaType(types);
  if (mediaType === undefined) return { body: { kind: 'none' }, others: [] };
  const media = asRecord(content[mediaType]);
  const ex = explicitExample(media);
  const example = ex.found ? ex.value : exampleFromSchema(media.schema);
  return {
    body: bodyFor(mediaType, example, media.schema, where, warnings),
    contentType: mediaType,
    others: types.filter((t) => t !== mediaType),
  };
}

export function operationRequest(input: OperationInput): OperationRequest {
  const { path, method, pathItem, operation, where, warnings, schemes } = input;
  const params = parametersOf(pathItem, operation);
  const pathVariables = new Map<string, string>();
  let urlPath = path.replace(/\{([^}]+)\}/g, (_whole, raw: string) => {
    const name = variableName(raw).name;
    const p = params.find((x) => x.in === 'path' && asText(x.name) === raw);
    const ex = p ? parameterExample(p) : undefined;
    pathVariables.set(name, ex?.explicit ? (exampleText(ex.value) ?? '') : '');
    return `{{${name}}}`;
  });
  const query: string[] = [];
  const optionalQuery: string[] = [];
  const headers: HeaderRow[] = [];
  const cookies: string[] = [];
  for (const p of params) {
    const location = asText(p.in);
    const name = asText(p.name);
    if (location === 'query') {
      if (p.required === true) query.push(...queryPairs(p, parameterExample(p).value));
      else optionalQuery.push(describeParam(p));
    } else if (location === 'header') {
      if (IGNORED_HEADERS.has(name.toLowerCase())) continue;
      headers.push({
        name,
        value: exampleText(parameterExample(p).value) ?? '',
        enabled: p.required === true,
      });
    } else if (location === 'cookie' && p.required === true)
      cookies.push(`${name}=${exampleText(parameterExample(p).value) ?? ''}`);
  }
  if (cookies.length) headers.push({ name: 'Cookie', value: cookies.join('; '), enabled: true });

  const choice = requestBodyOf(input, params);
  if (choice.contentType && choice.body.kind !== 'multipart')
    headers.push({ name: 'Content-Type', value: choice.contentType, enabled: true });

  const opServers = asArray(operation.servers ?? pathItem.servers).filter(isRecord);
  const base = opServers[0] ? asText(opServers[0].url).replace(/\/$/, '') : '{{baseUrl}}';
  if (query.length) urlPath += `?${query.join('&')}`;

  let auth: Auth = { type: 'inherit' };
  const secrets: string[] = [];
  if (operation.security !== undefined) {
    const mapped = mapRequirement(operation.security, schemes);
    if (mapped) {
      if (mapped.warning) warnings.add(where, mapped.warning);
      secrets.push(...mapped.secrets);
      if (JSON.stringify(mapped.auth) !== JSON.stringify(input.globalAuth ?? { type: 'none' }))
        auth = mapped.auth;
    }
  }

  const notes: string[] = [];
  const summary = asText(operation.summary).trim();
  const description = asText(operation.description).trim();
  if (description && description !== summary) notes.push(description);
  if (operation.deprecated === true) notes.push('Deprecated.');
  if (asText(operation.operationId)) notes.push(`operationId: ${asText(operation.operationId)}`);
  if (optionalQuery.length)
    notes.push(`Optional query parameters:\n${optionalQuery.map((q) => `- ${q}`).join('\n')}`);
  if (choice.others.length) notes.push(`Also accepts: ${choice.others.join(', ')}`);
  if (opServers.length) notes.push(`Served from ${asText(opServers[0]?.url)} (this operation's own server).`);
  const callbacks = Object.keys(asRecord(operation.callbacks));
  if (callbacks.length)
    warnings.add(
      where,
      `callback${callbacks.length > 1 ? 's' : ''} ${callbacks.join(', ')} not imported: they are requests the API sends, not ones you send`,
    );

  return {
    request: {
      method: method.toUpperCase(),
      url: `${base}${urlPath}`,
      headers,
      body: choice.body,
      auth,
      notes: notes.join('\n\n'),
    },
    pathVariables,
    secrets,
  };
}
