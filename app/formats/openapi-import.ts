/**
 * OpenAPI 3.0/3.1 and Swagger 2.0 → Statuscope. Validated and dereferenced by @readme/openapi-parser
 * (external references are not fetched: importing a file never touches the network or other files).
 * One request per operation, in folders by first tag; path parameters become `{{variables}}`;
 * servers become environments with `baseUrl`; security schemes become auth where Statuscope can send it.
 * A spec that fails validation but still dereferences is imported, each validation error a warning.
 */
import { dereference, validate } from '@readme/openapi-parser';
import { fail, messageOf, ok, type Result } from '../common/result';
import type { Variable } from '../contract/collection';
import { joinPath, makeCollection, makeEnvironment, makeRequest, Warnings } from './build';
import { operationRequest } from './openapi-operation';
import { mapRequirement } from './openapi-security';
import { asArray, asRecord, asText, head, isRecord, parseStructured, tryParse } from './structured';
import type { ImportedItem, Importer, ImportResult } from './types';

type ApiDocument = Exclude<Parameters<typeof validate>[0], string>;

/** Narrowing for the parser's input type: an object naming its spec version, with an info object. */
function isApiDocument(doc: unknown): doc is ApiDocument {
  return isRecord(doc) && isRecord(doc.info) && (typeof doc.openapi === 'string' || doc.swagger === '2.0');
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function detect(text: string): number {
  const doc = tryParse(text);
  if (doc === undefined) return /^\s*["']?(openapi|swagger)["']?\s*:/m.test(head(text)) ? 0.9 : 0;
  if (!isRecord(doc)) return 0;
  if (typeof doc.openapi === 'string' && /^3\./.test(doc.openapi)) return 1;
  if (doc.swagger === '2.0' || doc.swagger === 2) return 1;
  return 0;
}

/** The first line of a parser message plus its caret note (`^ version is missing here!`). */
function shortMessage(message: string): string {
  const lines = message.split('\n');
  const caret = lines.find((l) => /^\s*\|\s*\^/.test(l))?.replace(/^\s*\|\s*\^\s*/, '');
  const first = lines[0]?.trim() ?? message;
  return caret && !first.includes(caret) ? `${first} (${caret})` : first;
}

function substituteServerVariables(
  url: string,
  variables: unknown,
  where: string,
  warnings: Warnings,
): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = asRecord(asRecord(variables)[name]);
    const enumValues = asArray(variable.enum).map((x) => asText(x));
    if (enumValues.length > 1)
      warnings.add(
        where,
        `server variable {${name}} also allows ${enumValues.filter((e) => e !== asText(variable.default)).join(', ')}; the default is used`,
      );
    return 'default' in variable ? asText(variable.default) : whole;
  });
}

interface Servers {
  baseUrl: string;
  environments: ReturnType<typeof makeEnvironment>[];
}

function serversOf(doc: Record<string, unknown>, title: string, warnings: Warnings): Servers {
  const urls: { name: string; url: string }[] = [];
  if (doc.swagger !== undefined) {
    const host = asText(doc.host);
    const basePath = asText(doc.basePath);
    const schemes = asArray(doc.schemes)
      .map((s) => asText(s))
      .filter(Boolean);
    if (host === '') {
      warnings.add(
        title,
        "the spec names no host: {{baseUrl}} is only the base path; prefix it with the API's origin",
      );
      urls.push({ name: 'Base path', url: basePath });
    } else
      for (const scheme of schemes.length ? schemes : ['https'])
        urls.push({ name: `${scheme}://${host}`, url: `${scheme}://${host}${basePath}` });
  } else {
    for (const server of asArray(doc.servers).filter(isRecord)) {
      const raw = asText(server.url);
      const url = substituteServerVariables(raw, server.variables, title, warnings);
      urls.push({ name: asText(server.description) || url || '/', url });
    }
    if (urls.length === 0)
      warnings.add(title, "the spec declares no servers: set {{baseUrl}} to the API's origin");
  }
  for (const u of urls) {
    if (u.url.startsWith('/') || u.url === '')
      warnings.add(
        title,
        `server "${u.url || '/'}" is relative to where the spec is hosted: prefix {{baseUrl}} with the API's origin`,
      );
  }
  const seen = new Map<string, number>();
  const environments = urls.map((u) => {
    const n = (seen.get(u.name) ?? 0) + 1;
    seen.set(u.name, n);
    return makeEnvironment(n > 1 ? `${u.name} (${n})` : u.name, [
      { name: 'baseUrl', value: u.url.replace(/\/$/, ''), secret: false },
    ]);
  });
  return { baseUrl: urls[0]?.url.replace(/\/$/, '') ?? '', environments };
}

/** `$ref`s left after dereferencing point outside the file (never fetched); reported once each. */
function externalRefs(node: unknown, found: Set<string>, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node) || found.size >= 20) return;
  seen.add(node);
  if (isRecord(node) && typeof node.$ref === 'string') found.add(node.$ref);
  for (const value of Array.isArray(node) ? node : Object.values(node)) externalRefs(value, found, seen);
}

async function importOpenapi(text: string): Promise<Result<ImportResult>> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return parsed;
  const source = parsed.value;
  if (!isApiDocument(source)) {
    return fail(
      'import.invalid',
      'Not a valid OpenAPI/Swagger document: expected "openapi" (3.x) or "swagger: 2.0" and an "info" object at the top level.',
      { detail: { where: '(root)' } },
    );
  }
  const warnings = new Warnings();
  const title = asText(asRecord(source.info).title, 'OpenAPI');
  const options = { resolve: { external: false, file: false } };
  try {
    const validation = await validate(structuredClone(source), options);
    if (!validation.valid) {
      for (const e of validation.errors)
        warnings.add(title, `the spec does not validate: ${shortMessage(e.message)}`);
      if (validation.additionalErrors > 0)
        warnings.add(title, `the spec does not validate: ${validation.additionalErrors} more error(s)`);
    }
    for (const w of validation.warnings) warnings.add(title, `spec warning: ${shortMessage(w.message)}`);
  } catch (thrown) {
    warnings.add(title, `the spec could not be validated: ${shortMessage(messageOf(thrown))}`);
  }
  let deref: unknown;
  try {
    deref = await dereference(structuredClone(source), options);
  } catch (thrown) {
    return fail('import.invalid', `Not a valid OpenAPI/Swagger document: ${shortMessage(messageOf(thrown))}`);
  }
  const doc = asRecord(deref);
  const paths = doc.paths;
  if (paths !== undefined && !isRecord(paths))
    return fail('import.invalid', 'Not a valid OpenAPI/Swagger document: at paths: expected an object.', {
      detail: { where: 'paths' },
    });

  const refs = new Set<string>();
  externalRefs(paths, refs);
  for (const ref of refs)
    warnings.add(
      title,
      `external reference ${ref} not resolved (imports never fetch other files or URLs); examples built from it are empty`,
    );

  const servers = serversOf(doc, title, warnings);
  const schemes = asRecord(
    doc.swagger !== undefined ? doc.securityDefinitions : asRecord(doc.components).securitySchemes,
  );
  const globalAuth = mapRequirement(doc.security, schemes);
  if (globalAuth?.warning) warnings.add(title, globalAuth.warning);
  const secrets = new Set(globalAuth?.secrets ?? []);
  const pathVariables = new Map<string, string>();

  const tagOrder = asArray(doc.tags)
    .filter(isRecord)
    .map((t) => asText(t.name));
  const tagDescriptions = new Map(
    asArray(doc.tags)
      .filter(isRecord)
      .map((t) => [asText(t.name), asText(t.description)]),
  );
  const folders = new Map<string, ImportedItem[]>();
  const root: ImportedItem[] = [];

  for (const [path, pathItemValue] of Object.entries(asRecord(paths))) {
    const pathItem = asRecord(pathItemValue);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const tag = asArray(operation.tags)
        .map((t) => asText(t))
        .find(Boolean);
      const name =
        asText(operation.summary).trim() ||
        asText(operation.operationId) ||
        `${method.toUpperCase()} ${path}`;
      const where = tag ? joinPath([tag], name) : name;
      const built = operationRequest({
        doc,
        path,
        method,
        pathItem,
        operation,
        where,
        warnings,
        schemes,
        globalAuth: globalAuth?.auth,
      });
      for (const [k, v] of built.pathVariables)
        if (!pathVariables.has(k) || pathVariables.get(k) === '') pathVariables.set(k, v);
      for (const s of built.secrets) secrets.add(s);
      const request = makeRequest({ ...built.request, name });
      const list = tag ? (folders.get(tag) ?? []) : root;
      if (tag && !folders.has(tag)) folders.set(tag, list);
      list.push({ kind: 'request', request });
    }
  }
  const extras = ['webhooks', 'x-webhooks'].filter(
    (k) => isRecord(doc[k]) && Object.keys(asRecord(doc[k])).length > 0,
  );
  for (const k of extras)
    warnings.add(
      title,
      `${k} (${Object.keys(asRecord(doc[k])).length}) not imported: they are requests the API sends, not ones you send`,
    );

  const orderedTags = [
    ...tagOrder.filter((t) => folders.has(t)),
    ...[...folders.keys()].filter((t) => !tagOrder.includes(t)),
  ];
  const items: ImportedItem[] = [
    ...orderedTags.map((tag): ImportedItem => ({
      kind: 'folder',
      name: tag,
      description: tagDescriptions.get(tag) ?? '',
      children: folders.get(tag) ?? [],
    })),
    ...root,
  ];

  const variables: Variable[] = [{ name: 'baseUrl', value: servers.baseUrl, secret: false }];
  for (const [name, value] of pathVariables)
    if (name !== 'baseUrl') variables.push({ name, value, secret: false });
  for (const name of secrets)
    if (!variables.some((v) => v.name === name)) variables.push({ name, secret: true });
  const version = asText(asRecord(doc.info).version);
  const description = [asText(asRecord(doc.info).description), version ? `API version ${version}.` : '']
    .filter(Boolean)
    .join('\n\n');
  const collection = makeCollection({
    name: title,
    description,
    variables,
    auth: globalAuth?.auth ?? { type: 'none' },
  });
  return ok({ collection, items, environments: servers.environments, warnings: warnings.list });
}

export const openapiImporter: Importer = {
  id: 'openapi',
  name: 'OpenAPI 3.0/3.1 and Swagger 2.0',
  detect,
  import: importOpenapi,
};
