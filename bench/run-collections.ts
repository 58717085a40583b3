/**
 * The benchmark's one collection, written three times: as a Statuscope collection (YAML with declarative
 * assertions), as a Postman v2.1 collection (pm.test scripts, what newman runs) and as a Bruno collection
 * (.bru files with assert blocks and a test, what bru runs). Each request checks the same five things.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

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
  for (const r of requests) {
    await put(
      path.join(dir, folderName(r.folder), fileName(r)),
      stringify({
        schema: 'statuscope/request@1',
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
      }),
    );
  }
}

/** Postman Collection Format v2.1.0 (https://schema.postman.com/json/collection/v2.1.0/collection.json). */
export async function writePostman(
  file: string,
  requests: readonly BenchRequest[],
  baseUrl: string,
): Promise<void> {
  const item = Array.from({ length: FOLDERS }, (_, f) => ({
    name: folderName(f),
    item: requests
      .filter((r) => r.folder === f)
      .map((r) => ({
        name: r.name,
        request: {
          method: r.method,
          url: `{{baseUrl}}${r.path}`,
          header: r.body ? [{ key: 'Content-Type', value: 'application/json' }] : [],
          ...(r.body ? { body: { mode: 'raw', raw: r.body } } : {}),
        },
        event: [
          {
            listen: 'test',
            script: {
              type: 'text/javascript',
              exec: [
                `pm.test('status', () => pm.response.to.have.status(${r.status}));`,
                `pm.test('content type', () => pm.expect(pm.response.headers.get('Content-Type')).to.match(/json/));`,
                `pm.test('id', () => pm.expect(pm.response.json().id).to.eql(${r.id}));`,
                `pm.test('body', () => pm.expect(pm.response.text()).to.include(${JSON.stringify(r.contains)}));`,
                `pm.test('time', () => pm.expect(pm.response.responseTime).to.be.below(5000));`,
              ],
            },
          },
        ],
      })),
  }));
  const collection = {
    info: { name: 'Bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    variable: [{ key: 'baseUrl', value: baseUrl }],
    item,
  };
  await put(file, JSON.stringify(collection, null, 2));
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
