/**
 * For tests: a collection written to a temp folder from plain objects (YAML on disk, as a user's would be),
 * and the known server the runner's tests run it against.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { json, startKnownServer, text } from '../scan/test-server';
import type { RawServer } from '../testing/servers';

export interface TempCollection {
  root: string;
  cleanup(): Promise<void>;
}

/** `files` maps collection-relative paths to objects (written as YAML) or raw text. */
export async function writeCollection(files: Record<string, object | string>): Promise<TempCollection> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'statuscope-run-')));
  const root = path.join(dir, 'collection');
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : stringify(content));
  }
  return { root, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function startShopServer(): Promise<RawServer> {
  return startKnownServer({
    '/health': { GET: text(200, 'up\n') },
    '/items': { GET: json(200, [{ id: 1, name: 'spanner' }]), POST: json(201, { id: 2 }) },
  });
}

/**
 * The shop collection: in order, a passing request, a folder with two passing and one failing request
 * (two failed assertions), then a broken file, a request with an unresolved variable and one to a closed
 * port (the last three in name order: collection.yaml does not list them). `baseUrl` is set in the `local`
 * environment only; the collection's own value points at a port nothing listens on.
 */
export function shopCollection(baseUrl: string, closedPort: number): Record<string, object | string> {
  return {
    'collection.yaml': {
      schema: 'statuscope/collection@1',
      name: 'Shop',
      variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:9' }],
      order: ['health.yaml', 'items'],
    },
    'environments/local.yaml': {
      schema: 'statuscope/environment@1',
      name: 'local',
      variables: [{ name: 'baseUrl', value: baseUrl }],
    },
    'health.yaml': {
      name: 'Health',
      method: 'GET',
      url: '{{baseUrl}}/health',
      assertions: [
        { kind: 'status-equals', value: 200 },
        { kind: 'body-contains', text: 'up' },
      ],
    },
    'items/folder.yaml': {
      schema: 'statuscope/folder@1',
      name: 'Items',
      order: ['list.yaml', 'create.yaml', 'missing.yaml'],
    },
    'items/list.yaml': {
      name: 'List items',
      method: 'GET',
      url: '{{baseUrl}}/items',
      assertions: [
        { kind: 'status-equals', value: 200 },
        { kind: 'json-path-equals', path: '$[0].name', value: 'spanner' },
        { kind: 'header-matches', name: 'Content-Type', pattern: 'json' },
      ],
    },
    'items/create.yaml': {
      name: 'Create item',
      method: 'POST',
      url: '{{baseUrl}}/items',
      body: { kind: 'json', text: '{"name":"wrench"}' },
      assertions: [
        { kind: 'status-in', values: [200, 201] },
        { kind: 'json-path-exists', path: '$.id' },
      ],
    },
    'items/missing.yaml': {
      name: 'Missing item <&> "quoted"',
      method: 'GET',
      url: '{{baseUrl}}/items/404',
      assertions: [
        { kind: 'status-equals', value: 200 },
        { kind: 'header-present', name: 'ETag' },
        { kind: 'time-below', ms: 60_000 },
      ],
    },
    'broken.yaml': 'name: Broken\nmethod: [GET\n',
    'unresolved.yaml': {
      name: 'Unresolved',
      method: 'GET',
      url: '{{nowhere}}/x',
      assertions: [{ kind: 'status-equals', value: 200 }],
    },
    'zz-offline.yaml': {
      name: 'Offline',
      method: 'GET',
      url: `http://127.0.0.1:${closedPort}/`,
      assertions: [{ kind: 'status-equals', value: 200 }],
    },
  };
}
