/**
 * The benchmark's one collection, written three times: as a Statuscope collection (YAML with declarative
 * assertions), as a Postman v2.1 collection (pm.test scripts, what newman runs) and as a Bruno collection
 * (.bru files with assert blocks and a test, what bru runs). Each request checks the same five things.
 * The Postman file comes from Statuscope's own exporter (app/formats/postman-export.ts); Postman keeps
 * checks in test scripts, so the assertions are added as the equivalent `pm.test` lines.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { assertNever } from '../app/common/result';
import { savedRequestSchema, type Assertion, type SavedRequest } from '../app/contract/collection';
import { makeCollection, makeEnvironment } from '../app/formats/build';
import { toPostmanCollection, toPostmanEnvironment } from '../app/formats/postman-export';
import type { ImportedItem } from '../app/formats/types';

export const FOLDERS = 10;

export interface BenchRequest {
  folder: number;
  index: number;
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  status: number;
  /** The `$.id` value the response must carry. */
  id: number;
  /** Text the body must contain. */
  contains: string;
}

/** Every fifth request creates an item (POST, 201); the rest read one (GET, 200). */
export function benchRequests(count: number): BenchRequest[] {
  return Array.from({ length: count }, (_, i): BenchRequest => {
    const folder = i % FOLDERS;
    const post = i % 5 === 4;
    return post
      ? {
          folder,
          index: i,
          name: `create ${i}`,
          method: 'POST',
          path: '/items',
          body: JSON.stringify({ id: i, name: `item ${i}` }),
          status: 201,
          id: i,
          contains: `item ${i}`,
        }
      : {
          folder,
          index: i,
          name: `read ${i}`,
          method: 'GET',
          path: `/items/${i}`,
          status: 200,
          id: i,
          contains: `item ${i}`,
        };
  });
}

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

const folderName = (f: number) => `folder-${String(f).padStart(2, '0')}`;
const fileName = (r: BenchRequest) => `${String(r.index).padStart(4, '0')}.yaml`;

/** The request as Statuscope saves it, with its five assertions. */
export function savedRequest(r: BenchRequest): SavedRequest {
  return savedRequestSchema.parse({
    name: r.name,
    method: r.method,
    url: `{{baseUrl}}${r.path}`,
    ...(r.body
      ? {
          headers: [{ name: 'Content-Type', value: 'application/json' }],
          body: { kind: 'json', text: r.body },
        }
      : {}),
    assertions: [
      { kind: 'status-equals', value: r.status },
      { kind: 'header-matches', name: 'Content-Type', pattern: 'json' },
      { kind: 'json-path-equals', path: '$.id', value: r.id },
      { kind: 'body-contains', text: r.contains },
      { kind: 'time-below', ms: 5000 },
    ],
  });
}

export async function writeStatuscope(
  dir: string,
  requests: readonly BenchRequest[],
  baseUrl: string,
): Promise<void> {
  await put(
    path.join(dir, 'collection.yaml'),
    stringify({
      schema: 'statuscope/collection@1',
      name: 'Bench',
      order: Array.from({ length: FOLDERS }, (_, f) => folderName(f)),
    }),
  );
  await put(
    path.join(dir, 'environments', 'bench.yaml'),
    stringify({
      schema: 'statuscope/environment@1',
      name: 'bench',
      variables: [{ name: 'baseUrl', value: baseUrl }],
    }),
  );
  for (const r of requests)
    await put(path.join(dir, folderName(r.folder), fileName(r)), stringify(savedRequest(r)));
}

/** The `pm.test` line that checks what an assertion checks (the kinds this benchmark uses). */
function pmTest(a: Assertion): string {
  switch (a.kind) {
    case 'status-equals':
      return `pm.test('status', () => pm.response.to.have.status(${a.value}));`;
    case 'header-matches':
      return `pm.test('header', () => pm.expect(pm.response.headers.get(${JSON.stringify(a.name)})).to.match(new RegExp(${JSON.stringify(a.pattern)})));`;
    case 'json-path-equals':
      // The subset's `$.a.b[0]` is JavaScript member access once `$` is the parsed body.
      return `pm.test('json', () => pm.expect(pm.response.json()${a.path.slice(1)}).to.eql(${JSON.stringify(a.value)}));`;
    case 'body-contains':
      return `pm.test('body', () => pm.expect(pm.response.text()).to.include(${JSON.stringify(a.text)}));`;
    case 'time-below':
      return `pm.test('time', () => pm.expect(pm.response.responseTime).to.be.below(${a.ms}));`;
    case 'status-in':
    case 'header-present':
    case 'header-equals':
    case 'json-path-exists':
    case 'diagnosed-cause':
      throw new Error(`the benchmark does not use ${a.kind}`);
    default:
      return assertNever(a, 'assertion kind');
  }
}

/** Adds each request's assertions to the exported items as a test script, matching items by name. */
function withTests(items: unknown, byName: ReadonlyMap<string, SavedRequest>): unknown {
  if (!Array.isArray(items)) return items;
  return items.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) return item;
    if ('item' in item) return { ...item, item: withTests(item.item, byName) };
    const saved = 'name' in item && typeof item.name === 'string' ? byName.get(item.name) : undefined;
    if (!saved) return item;
    return {
      ...item,
      event: [{ listen: 'test', script: { type: 'text/javascript', exec: saved.assertions.map(pmTest) } }],
    };
  });
}

/** Postman Collection v2.1 through app/formats/postman-export.ts, plus a Postman environment file. */
export async function writePostman(
  file: string,
  envFile: string,
  requests: readonly BenchRequest[],
  baseUrl: string,
): Promise<void> {
  const byName = new Map(requests.map((r) => [r.name, savedRequest(r)]));
  const items: ImportedItem[] = Array.from({ length: FOLDERS }, (_, f) => ({
    kind: 'folder',
    name: folderName(f),
    description: '',
    children: requests
      .filter((r) => r.folder === f)
      .map((r): ImportedItem => ({ kind: 'request', request: savedRequest(r) })),
  }));
  const exported = toPostmanCollection({ collection: makeCollection({ name: 'Bench' }), items });
  await put(file, JSON.stringify({ ...exported.json, item: withTests(exported.json.item, byName) }, null, 2));
  await put(
    envFile,
    JSON.stringify(
      toPostmanEnvironment(makeEnvironment('bench', [{ name: 'baseUrl', value: baseUrl, secret: false }])),
      null,
      2,
    ),
  );
}

/** A Bruno collection (https://docs.usebruno.com/bru-lang/overview): bruno.json, an environment, one .bru per request. */
export async function writeBruno(
  dir: string,
  requests: readonly BenchRequest[],
  baseUrl: string,
): Promise<void> {
  await put(
    path.join(dir, 'bruno.json'),
    JSON.stringify(
      { version: '1', name: 'Bench', type: 'collection', ignore: ['node_modules', '.git'] },
      null,
      2,
    ),
  );
  await put(path.join(dir, 'environments', 'bench.bru'), `vars {\n  baseUrl: ${baseUrl}\n}\n`);
  for (const r of requests) {
    const body = r.body ? `\nbody:json {\n  ${r.body}\n}\n` : '';
    const text = `meta {
  name: ${r.name}
  type: http
  seq: ${r.index + 1}
}

${r.method.toLowerCase()} {
  url: {{baseUrl}}${r.path}
  body: ${r.body ? 'json' : 'none'}
  auth: none
}
${body}
assert {
  res.status: eq ${r.status}
  res.headers['content-type']: contains json
  res.body.id: eq ${r.id}
  res.responseTime: lt 5000
}

tests {
  test("body", function() {
    expect(JSON.stringify(res.getBody())).to.include(${JSON.stringify(r.contains)});
  });
}
`;
    await put(path.join(dir, folderName(r.folder), `${String(r.index).padStart(4, '0')}.bru`), text);
  }
}
