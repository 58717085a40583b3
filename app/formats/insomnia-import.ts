/**
 * Insomnia exports → Statuscope: v4 (`_type: export`, a flat `resources` list linked by `parentId`,
 * JSON or YAML) and v5 (`type: collection.insomnia.rest/5.0`, a nested YAML tree). Base environment →
 * collection variables; sub-environments → environments; folder headers and auth are pushed down to
 * the requests (Statuscope folders carry neither).
 */
import { fail, ok, type Result } from '../common/result';
import type { Auth, HeaderRow } from '../contract/collection';
import { collectVariables, joinPath, makeCollection, makeEnvironment, Warnings } from './build';
import {
  flattenEnvironment,
  headerRowsOf,
  insomniaAuth,
  insomniaRequest,
  TemplateScan,
} from './insomnia-request';
import { asArray, asRecord, asText, head, isRecord, parseStructured, tryParse } from './structured';
import type { ImportedItem, Importer, ImportResult } from './types';

function detect(text: string): number {
  const doc = tryParse(text);
  if (doc === undefined)
    return /["']?_type["']?\s*:\s*["']?export|__export_format|insomnia\.rest\/5\./.test(head(text)) ? 0.9 : 0;
  if (!isRecord(doc)) return 0;
  if (doc._type === 'export' && typeof doc.__export_format === 'number') return 1;
  if (typeof doc.type === 'string' && /^(collection|spec|environment)\.insomnia\.rest\/5\./.test(doc.type))
    return 1;
  return 0;
}

function sortKey(r: Record<string, unknown>): number {
  const v = r.metaSortKey ?? asRecord(r.meta).sortKey;
  return typeof v === 'number' ? v : 0;
}

interface Scope {
  path: string[];
  headers: HeaderRow[];
  auth: Auth | undefined;
}

function folderScope(folder: Record<string, unknown>, name: string, scope: Scope, warnings: Warnings): Scope {
  const where = joinPath(scope.path, name);
  const t = new TemplateScan(where);
  const headers = headerRowsOf(folder.headers, t);
  const auth = insomniaAuth(folder.authentication, t, where, warnings);
  t.report(warnings);
  if (headers.length)
    warnings.add(
      where,
      `folder header${headers.length > 1 ? 's' : ''} ${headers.map((h) => h.name).join(', ')} copied into each request of the folder (Statuscope folders carry no headers)`,
    );
  const env = flattenEnvironment(folder.environment);
  if (env.length)
    warnings.add(
      where,
      `folder environment (${env.map((e) => e.name).join(', ')}) not imported: Statuscope variables live in the collection or an environment`,
    );
  const scripts = asRecord(folder.scripts);
  if (
    asText(folder.preRequestScript ?? scripts.preRequest).trim() ||
    asText(folder.afterResponseScript ?? scripts.afterResponse).trim()
  ) {
    warnings.add(where, 'folder scripts not imported: Statuscope does not run scripts');
  }
  const merged = new Map<string, HeaderRow>();
  for (const h of [...scope.headers, ...headers]) merged.set(h.name.toLowerCase(), h);
  return { path: [...scope.path, name], headers: [...merged.values()], auth: auth ?? scope.auth };
}

function unsupportedKind(id: string, type: string): string | undefined {
  if (type === 'grpc_request' || id.startsWith('greq_')) return 'gRPC request';
  if (type === 'websocket_request' || id.startsWith('ws-req_')) return 'WebSocket request';
  if (type === 'socketio_request' || id.startsWith('sio-req_')) return 'Socket.IO request';
  if (type === 'mcp_request') return 'MCP request';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// v4

function importV4(doc: Record<string, unknown>): Result<ImportResult> {
  if (!Array.isArray(doc.resources))
    return fail('import.invalid', 'Not a valid Insomnia v4 export: at resources: expected an array.', {
      detail: { where: 'resources' },
    });
  const resources = doc.resources.filter(isRecord);
  const warnings = new Warnings();
  const children = new Map<string, Record<string, unknown>[]>();
  for (const r of resources) {
    const parent = asText(r.parentId, '__root__');
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const kids = (id: string) => [...(children.get(id) ?? [])].sort((a, b) => sortKey(a) - sortKey(b));
  const workspaces = resources.filter((r) => r._type === 'workspace');
  for (const r of resources) {
    if (r._type === 'api_spec' && asText(r.contents).trim())
      warnings.add(
        asText(r.fileName, 'API spec'),
        'design document (API spec) not imported here; import the spec itself with --format openapi',
      );
    if (r._type === 'unit_test_suite')
      warnings.add(
        asText(r.name, 'test suite'),
        'unit test suite not imported: Statuscope does not run Insomnia tests',
      );
  }

  const walk = (parentId: string, scope: Scope): ImportedItem[] => {
    const out: ImportedItem[] = [];
    for (const r of kids(parentId)) {
      const type = asText(r._type);
      const name = asText(r.name).trim();
      const unsupported = unsupportedKind(asText(r._id), type);
      if (unsupported) {
        warnings.add(
          joinPath(scope.path, name || unsupported),
          `${unsupported} not imported: Statuscope sends HTTP requests only`,
        );
      } else if (type === 'request_group') {
        const folderName = name || 'Untitled folder';
        const inner = folderScope(r, folderName, scope, warnings);
        out.push({
          kind: 'folder',
          name: folderName,
          description: asText(r.description),
          children: walk(asText(r._id), inner),
        });
      } else if (type === 'request') {
        const requestName = name || 'Untitled request';
        const request = insomniaRequest(
          {
            raw: r,
            where: joinPath(scope.path, requestName),
            folderHeaders: scope.headers,
            folderAuth: scope.auth,
            description: asText(r.description),
            scripts: { preRequest: asText(r.preRequestScript), afterResponse: asText(r.afterResponseScript) },
            followRedirects: r.settingFollowRedirects,
          },
          warnings,
        );
        out.push({ kind: 'request', request });
      }
    }
    return out;
  };

  const variables: { name: string; value: string }[] = [];
  const environments: ReturnType<typeof makeEnvironment>[] = [];
  const items: ImportedItem[] = [];
  const many = workspaces.length > 1;
  for (const ws of workspaces) {
    const wsName = asText(ws.name, 'Insomnia');
    const wsId = asText(ws._id);
    for (const base of kids(wsId).filter((r) => r._type === 'environment')) {
      variables.push(...flattenEnvironment(base.data));
      for (const sub of kids(asText(base._id)).filter((r) => r._type === 'environment')) {
        const envName = many ? `${wsName} - ${asText(sub.name)}` : asText(sub.name);
        environments.push(
          makeEnvironment(
            envName,
            collectVariables(flattenEnvironment(sub.data), `environment ${envName}`, warnings),
          ),
        );
      }
    }
    const tree = walk(wsId, { path: many ? [wsName] : [], headers: [], auth: undefined });
    if (many)
      items.push({ kind: 'folder', name: wsName, description: asText(ws.description), children: tree });
    else items.push(...tree);
  }
  // Requests and folders whose parent is missing (a partial export) are still imported, at the root.
  const known = new Set(resources.map((r) => asText(r._id)));
  const orphanParents = new Set(
    resources
      .filter(
        (r) =>
          (r._type === 'request' || r._type === 'request_group') &&
          !known.has(asText(r.parentId, '__root__')),
      )
      .map((r) => asText(r.parentId, '__root__')),
  );
  for (const parent of orphanParents) items.push(...walk(parent, { path: [], headers: [], auth: undefined }));
  const first = workspaces[0];
  const name = many ? 'Insomnia export' : asText(first?.name, 'Insomnia export');
  const collection = makeCollection({
    name,
    description: many ? '' : asText(first?.description),
    variables: collectVariables(variables, name, warnings),
  });
  if (many)
    warnings.add(
      name,
      `${workspaces.length} workspaces imported as top-level folders; their base environments are merged into the collection variables`,
    );
  return ok({ collection, items, environments, warnings: warnings.list });
}

// ---------------------------------------------------------------------------------------------------
// v5

function importV5(doc: Record<string, unknown>): Result<ImportResult> {
  const type = asText(doc.type);
  if (doc.collection !== undefined && !Array.isArray(doc.collection)) {
    return fail(
      'import.invalid',
      'Not a valid Insomnia v5 file: at collection: expected a list of requests and folders.',
      { detail: { where: 'collection' } },
    );
  }
  const warnings = new Warnings();
  const name = asText(doc.name, 'Insomnia collection');
  if (type.startsWith('spec.') && isRecord(doc.spec))
    warnings.add(
      name,
      'the design document (API spec) in this file is not imported here; import the spec itself with --format openapi',
    );

  const walk = (list: unknown[], scope: Scope): ImportedItem[] => {
    const entries = list.filter(isRecord).map((r, index) => ({ r, index }));
    entries.sort((a, b) => sortKey(a.r) - sortKey(b.r) || a.index - b.index);
    const out: ImportedItem[] = [];
    for (const { r } of entries) {
      const meta = asRecord(r.meta);
      const itemName = asText(r.name).trim();
      const unsupported = unsupportedKind(asText(meta.id), '');
      if (unsupported) {
        warnings.add(
          joinPath(scope.path, itemName || unsupported),
          `${unsupported} not imported: Statuscope sends HTTP requests only`,
        );
      } else if (Array.isArray(r.children)) {
        const folderName = itemName || 'Untitled folder';
        const inner = folderScope(r, folderName, scope, warnings);
        out.push({
          kind: 'folder',
          name: folderName,
          description: asText(meta.description),
          children: walk(r.children, inner),
        });
      } else {
        const requestName = itemName || 'Untitled request';
        const scripts = asRecord(r.scripts);
        out.push({
          kind: 'request',
          request: insomniaRequest(
            {
              raw: r,
              where: joinPath(scope.path, requestName),
              folderHeaders: scope.headers,
              folderAuth: scope.auth,
              description: asText(meta.description ?? r.description),
              scripts: {
                preRequest: asText(scripts.preRequest),
                afterResponse: asText(scripts.afterResponse),
              },
              followRedirects: asRecord(r.settings).followRedirects,
            },
            warnings,
          ),
        });
      }
    }
    return out;
  };

  const items = walk(asArray(doc.collection), { path: [], headers: [], auth: undefined });
  const base = asRecord(doc.environments);
  const environments = asArray(base.subEnvironments)
    .filter(isRecord)
    .map((sub) => {
      const envName = asText(sub.name, 'Environment');
      return makeEnvironment(
        envName,
        collectVariables(flattenEnvironment(sub.data), `environment ${envName}`, warnings),
      );
    });
  const cookies = asArray(asRecord(doc.cookieJar).cookies).length;
  if (cookies)
    warnings.add(name, `${cookies} cookie${cookies > 1 ? 's' : ''} of the cookie jar not imported`);
  const collection = makeCollection({
    name,
    description: asText(asRecord(doc.meta).description),
    variables: collectVariables(flattenEnvironment(base.data), name, warnings),
  });
  return ok({ collection, items, environments, warnings: warnings.list });
}

async function importInsomnia(text: string): Promise<Result<ImportResult>> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (!isRecord(doc))
    return fail('import.invalid', 'Not a valid Insomnia export: expected an object at the top level.', {
      detail: { where: '(root)' },
    });
  if (doc._type === 'export') {
    if (doc.__export_format !== 4) {
      return fail(
        'import.unsupported-version',
        `This is an Insomnia export in format ${asText(doc.__export_format, '?')}; export it again from a current Insomnia (format 4 or 5).`,
      );
    }
    return importV4(doc);
  }
  return importV5(doc);
}

export const insomniaImporter: Importer = {
  id: 'insomnia',
  name: 'Insomnia v4 export (JSON/YAML) and v5 collection (YAML)',
  detect,
  import: importInsomnia,
};
