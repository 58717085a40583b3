/**
 * Postman Collection v2.0 / v2.1 (and Postman environment files) → Statuscope.
 * Walks the JSON tree itself, because the SDK upper-cases methods (`patch` must stay `patch`, RFC 9110
 * §9.1: methods are case-sensitive) and uses the SDK for what it does well: URL objects, v2.0/v2.1
 * auth parameters, header strings. Scripts, examples and unsupported auth become warnings.
 */
import type { z } from 'zod';
import { fail, ok, type Result } from '../common/result';
import type { Auth, SavedRequest } from '../contract/collection';
import {
  collectVariables,
  dynamicVariables,
  joinPath,
  makeCollection,
  makeEnvironment,
  makeRequest,
  requestTexts,
  Warnings,
  withDefaultScheme,
} from './build';
import {
  collectionJsonSchema,
  environmentJsonSchema,
  requestJsonSchema,
  type PostmanEnvironmentJson,
  type PostmanEvent,
  type PostmanItemJson,
} from './postman-schema';
import { mapPostmanAuth } from './postman-auth';
import {
  asRecord,
  asText,
  deepestIssue,
  formatPath,
  head,
  isRecord,
  parseStructured,
  tryParse,
} from './structured';
import type { ImportedItem, Importer, ImportResult } from './types';

import { bodyOf, headerRows, optionsOf, urlText } from './postman-request';
/** `import.invalid` naming where: the first schema issue's path (`item[3].request.url`). */
export function invalid(format: string, error: z.ZodError): Result<never> {
  const first = error.issues[0];
  const issue = first ? deepestIssue(first) : undefined;
  const where = issue ? formatPath(issue.path) : '(root)';
  return fail('import.invalid', `Not a valid ${format} file: at ${where}: ${issue?.message ?? 'invalid'}.`, {
    detail: { where },
  });
}

function detect(text: string): number {
  const doc = tryParse(text);
  if (doc === undefined)
    return /getpostman\.com\/json\/collection|_postman_variable_scope/.test(head(text)) ? 0.9 : 0;
  if (!isRecord(doc)) return 0;
  const info = asRecord(doc.info);
  if (typeof info.schema === 'string' && info.schema.includes('getpostman.com/json/collection')) return 1;
  if (typeof info._postman_id === 'string') return 0.95;
  if (doc._postman_variable_scope === 'environment' || doc._postman_variable_scope === 'globals') return 0.95;
  if (isRecord(doc.info) && Array.isArray(doc.item)) return 0.6;
  if (Array.isArray(doc.requests) && Array.isArray(doc.order)) return 0.7; // Postman v1
  return 0;
}

function scriptWarnings(
  events: readonly PostmanEvent[] | undefined,
  where: string,
  warnings: Warnings,
): void {
  for (const event of events ?? []) {
    const exec = event.script?.exec;
    const lines = (Array.isArray(exec) ? exec : typeof exec === 'string' ? exec.split('\n') : []).filter(
      (l) => l.trim() !== '',
    );
    if (lines.length === 0) continue;
    const kind =
      event.listen === 'prerequest'
        ? 'pre-request script'
        : event.listen === 'test'
          ? 'test script'
          : `"${event.listen}" script`;
    warnings.add(
      where,
      `${kind} (${lines.length} line${lines.length === 1 ? '' : 's'}) not imported: Statuscope does not run scripts${event.listen === 'test' ? '; add assertions instead' : ''}`,
    );
  }
}

interface WalkContext {
  warnings: Warnings;
}

function requestOf(
  item: PostmanItemJson,
  name: string,
  where: string,
  inherited: Auth | undefined,
  ctx: WalkContext,
): SavedRequest {
  const { warnings } = ctx;
  const raw =
    typeof item.request === 'string'
      ? requestJsonSchema.parse({ url: item.request })
      : (item.request ?? requestJsonSchema.parse({}));
  const headers = headerRows(raw.header);
  const mapped = mapPostmanAuth(raw.auth);
  if (mapped?.warning) warnings.add(where, mapped.warning);
  const auth: Auth = mapped?.auth ?? inherited ?? { type: 'inherit' };
  scriptWarnings(item.event, where, warnings);
  const examples = item.response?.length ?? 0;
  if (examples)
    warnings.add(where, `${examples} saved example response${examples === 1 ? '' : 's'} not imported`);
  const notes = raw.description || item.description;
  const request = makeRequest({
    name,
    method: raw.method ?? 'GET',
    url: withDefaultScheme(urlText(raw.url, where, warnings)),
    headers,
    body: bodyOf(raw.body, headers, where, warnings),
    auth,
    options: optionsOf(item.protocolProfileBehavior, where, warnings),
    notes,
  });
  if (request.url === '') warnings.add(where, 'request has no URL; set one before sending');
  const dynamic = dynamicVariables(requestTexts(request));
  if (dynamic.length)
    warnings.add(
      where,
      `uses Postman dynamic variable${dynamic.length > 1 ? 's' : ''} ${dynamic.map((d) => `{{${d}}}`).join(', ')}, which Statuscope does not generate; kept as text`,
    );
  return request;
}

function walk(
  items: readonly PostmanItemJson[],
  path: string[],
  inherited: Auth | undefined,
  ctx: WalkContext,
): ImportedItem[] {
  const out: ImportedItem[] = [];
  for (const item of items) {
    const name = (item.name ?? '').trim();
    if (item.item !== undefined || item.request === undefined) {
      const folderName = name || 'Untitled folder';
      const where = joinPath(path, folderName);
      if (item.request === undefined && item.item === undefined) {
        ctx.warnings.add(where, 'item has neither a request nor sub-items; imported as an empty folder');
      }
      scriptWarnings(item.event, where, ctx.warnings);
      if (item.variable?.length)
        ctx.warnings.add(
          where,
          `${item.variable.length} folder variable(s) not imported (Statuscope variables live in the collection or an environment)`,
        );
      // Folder auth has no place in folder.yaml: it is pushed down to the requests that inherit it.
      const mapped = mapPostmanAuth(item.auth);
      if (mapped?.warning) ctx.warnings.add(where, mapped.warning);
      const children = walk(item.item ?? [], [...path, folderName], mapped?.auth ?? inherited, ctx);
      out.push({ kind: 'folder', name: folderName, description: item.description, children });
    } else {
      const requestName = name || 'Untitled request';
      out.push({
        kind: 'request',
        request: requestOf(item, requestName, joinPath(path, requestName), inherited, ctx),
      });
    }
  }
  return out;
}

export function postmanEnvironment(doc: PostmanEnvironmentJson, warnings: Warnings) {
  const name = doc.name ?? 'Postman environment';
  const variables = collectVariables(
    doc.values.map((v) => ({
      name: v.key,
      value: asText(v.value),
      secret: v.type === 'secret',
      enabled: v.enabled,
    })),
    `environment ${name}`,
    warnings,
  );
  return makeEnvironment(name, variables);
}

/** Imports a Postman environment file on its own (the CLI's `--env`). */
export function importPostmanEnvironment(
  text: string,
): Result<{ environment: ReturnType<typeof makeEnvironment>; warnings: Warnings['list'] }> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return parsed;
  const env = environmentJsonSchema.safeParse(parsed.value);
  if (!env.success) return invalid('Postman environment', env.error);
  const warnings = new Warnings();
  return ok({ environment: postmanEnvironment(env.data, warnings), warnings: warnings.list });
}

async function importPostman(text: string): Promise<Result<ImportResult>> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (isRecord(doc) && Array.isArray(doc.requests) && !isRecord(doc.info)) {
    return fail(
      'import.unsupported-version',
      'This is a Postman Collection v1 file. Export it again from Postman as Collection v2.1, then import that.',
    );
  }
  const warnings = new Warnings();
  if (isRecord(doc) && Array.isArray(doc.values) && doc.item === undefined) {
    const env = environmentJsonSchema.safeParse(doc);
    if (!env.success) return invalid('Postman environment', env.error);
    const environment = postmanEnvironment(env.data, warnings);
    warnings.add(
      environment.name,
      'this is a Postman environment: it holds variables, no requests (pass it with --env next to its collection)',
    );
    return ok({
      collection: makeCollection({ name: environment.name }),
      items: [],
      environments: [environment],
      warnings: warnings.list,
    });
  }
  const result = collectionJsonSchema.safeParse(doc);
  if (!result.success) return invalid('Postman collection', result.error);
  const json = result.data;
  const name = json.info.name;
  scriptWarnings(json.event, name, warnings);
  if (json.protocolProfileBehavior && Object.keys(json.protocolProfileBehavior).length) {
    warnings.add(
      name,
      `collection-level request settings not imported: ${Object.keys(json.protocolProfileBehavior).join(', ')}`,
    );
  }
  const variables = collectVariables(
    (json.variable ?? []).map((v) => ({
      name: asText(v.key),
      value: asText(v.value),
      enabled: v.disabled !== true,
      secret: v.type === 'secret',
    })),
    name,
    warnings,
  );
  const mapped = mapPostmanAuth(json.auth);
  if (mapped?.warning) warnings.add(name, mapped.warning);
  const items = walk(json.item, [], undefined, { warnings });
  const collection = makeCollection({
    name,
    description: json.info.description,
    variables,
    auth: mapped?.auth ?? { type: 'none' },
  });
  return ok({ collection, items, environments: [], warnings: warnings.list });
}

export const postmanImporter: Importer = {
  id: 'postman',
  name: 'Postman Collection v2.0/v2.1',
  detect,
  import: importPostman,
};
