/**
 * Per importer: the warnings that say what was not carried over, and the registry's detection and
 * errors. (The golden tests pin whole outputs; these name the behaviours.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importText, IMPORTERS } from './registry';
import type { ImportWarning } from './types';
import { flattenRequests } from './types';

async function imported(text: string, format: Parameters<typeof importText>[1] = 'auto') {
  const r = await importText(text, format);
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}

function has(warnings: readonly ImportWarning[], item: string, pattern: RegExp): void {
  assert.ok(
    warnings.some((w) => w.item === item && pattern.test(w.what)),
    `no warning for "${item}" matching ${pattern}; got:\n${warnings.map((w) => `  ${w.item}: ${w.what}`).join('\n')}`,
  );
}

const postman = (item: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    info: { name: 'C', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item,
    ...extra,
  });

describe('registry', () => {
  it('given text no importer recognises, it fails with import.unrecognised listing the formats tried', async () => {
    const r = await importText('just some notes\nnothing to import');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'import.unrecognised');
    for (const i of IMPORTERS) assert.ok(r.error.message.includes(i.name), `message names ${i.name}`);
  });

  it("given a forced format that does not match, it reports that format's error, not another format", async () => {
    const r = await importText('curl https://example.com', 'har');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'import.invalid');
    assert.match(r.error.message, /HAR/);
  });

  it('given broken JSON that names a Postman schema, it says where the JSON breaks', async () => {
    const r = await importText(
      '{\n  "info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",\n  "item": [}',
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'import.invalid');
    assert.match(r.error.message, /line 3/);
  });
});

describe('Postman warnings', () => {
  it('given scripts at every level, it reports each with its place', async () => {
    const script = (listen: string) => ({ listen, script: { exec: ['console.log(1)'] } });
    const r = await imported(
      postman(
        [
          {
            name: 'F',
            event: [script('test')],
            item: [
              { name: 'R', event: [script('prerequest')], request: { method: 'GET', url: 'https://x' } },
            ],
          },
        ],
        { event: [script('prerequest')] },
      ),
    );
    has(r.warnings, 'C', /pre-request script \(1 line\) not imported/);
    has(r.warnings, 'F', /test script/);
    has(r.warnings, 'F / R', /pre-request script/);
  });

  it('given auth Statuscope cannot sign (hawk), it sets none and says the request goes out unsigned', async () => {
    const r = await imported(
      postman([
        { name: 'R', request: { method: 'GET', url: 'https://x', auth: { type: 'hawk', hawk: [] } } },
      ]),
    );
    has(r.warnings, 'R', /auth type "hawk" is not supported.*unsigned/);
    assert.deepEqual(flattenRequests(r.items)[0]?.request.auth, { type: 'none' });
  });

  it('given folder auth, it pushes it down to the requests that inherit', async () => {
    const r = await imported(
      postman([
        {
          name: 'F',
          auth: { type: 'bearer', bearer: [{ key: 'token', value: 't' }] },
          item: [{ name: 'R', request: { method: 'GET', url: 'https://x' } }],
        },
      ]),
    );
    assert.deepEqual(flattenRequests(r.items)[0]?.request.auth, { type: 'bearer', token: 't' });
  });

  it('given dynamic variables, it names them and keeps them as text', async () => {
    const r = await imported(
      postman([
        {
          name: 'R',
          request: {
            method: 'GET',
            url: 'https://x/{{$timestamp}}',
            header: [{ key: 'X', value: '{{$randomInt}}' }],
          },
        },
      ]),
    );
    has(r.warnings, 'R', /\{\{\$timestamp\}\}, \{\{\$randomInt\}\}/);
    assert.equal(flattenRequests(r.items)[0]?.request.url, 'https://x/{{$timestamp}}');
  });
});

describe('Insomnia warnings', () => {
  it('given template tags, scripts, gRPC and unsupported auth, it reports each', async () => {
    const r = await imported(
      JSON.stringify({
        _type: 'export',
        __export_format: 4,
        resources: [
          { _id: 'wrk_1', _type: 'workspace', name: 'W' },
          {
            _id: 'req_1',
            _type: 'request',
            parentId: 'wrk_1',
            name: 'R',
            method: 'post',
            url: '{{ _.base }}/x?id={% uuid %}',
            preRequestScript: 'insomnia.x()',
            authentication: { type: 'hawk', id: 'a' },
            headers: [],
            body: {},
          },
          { _id: 'greq_1', _type: 'grpc_request', parentId: 'wrk_1', name: 'G' },
        ],
      }),
    );
    has(r.warnings, 'R', /template tag \{% uuid %\}/);
    has(r.warnings, 'R', /pre-request script not imported/);
    has(r.warnings, 'R', /auth type "hawk"/);
    has(r.warnings, 'G', /gRPC request not imported/);
    const req = flattenRequests(r.items)[0]?.request;
    assert.equal(req?.method, 'post');
    assert.equal(req?.url, '{{base}}/x?id={% uuid %}');
  });

  it('given folder headers, it copies them into the requests (request headers win) and says so', async () => {
    const r = await imported(
      [
        'type: collection.insomnia.rest/5.0',
        'name: C',
        'collection:',
        '  - name: F',
        '    headers: [{name: X-Team, value: a}, {name: Accept, value: text/plain}]',
        '    children:',
        '      - {name: R, method: GET, url: "https://x", headers: [{name: Accept, value: application/json}]}',
      ].join('\n'),
    );
    has(r.warnings, 'F', /folder headers X-Team, Accept copied/);
    assert.deepEqual(
      flattenRequests(r.items)[0]?.request.headers.map((h) => `${h.name}: ${h.value}`),
      ['X-Team: a', 'Accept: application/json'],
    );
  });
});

describe('OpenAPI warnings', () => {
  it('given an unsupported security scheme and a relative server, it reports both', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      servers: [{ url: '/api' }],
      paths: {
        '/a': {
          get: { summary: 'A', security: [{ oidc: [] }], responses: { '200': { description: 'ok' } } },
        },
      },
      components: {
        securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://x/.well-known' } },
      },
    };
    const r = await imported(JSON.stringify(spec));
    has(r.warnings, 'A', /security scheme "oidc" \(openIdConnect\) is not supported/);
    has(r.warnings, 'T', /relative to where the spec is hosted/);
  });

  it('given a $ref cycle, it builds a finite example', async () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/n': {
          post: {
            summary: 'N',
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/N' } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      components: {
        schemas: {
          N: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              next: { $ref: '#/components/schemas/N' },
              all: { type: 'array', items: { $ref: '#/components/schemas/N' } },
            },
          },
        },
      },
    };
    const r = await imported(JSON.stringify(spec));
    const body = flattenRequests(r.items)[0]?.request.body;
    assert.ok(body?.kind === 'json');
    assert.deepEqual(JSON.parse(body.text), { name: 'string', all: [] });
  });
});

describe('HAR warnings', () => {
  it('given a multipart file part, it says the HAR does not hold the file', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [
          {
            request: {
              method: 'POST',
              url: 'https://x/u',
              headers: [],
              postData: { mimeType: 'multipart/form-data', params: [{ name: 'f', fileName: 'a.png' }] },
            },
          },
        ],
      },
    };
    const r = await imported(JSON.stringify(har));
    has(r.warnings, 'POST /u', /a HAR does not hold the file/);
  });
});

describe('curl warnings', () => {
  it('given unknown and unsupported options, it names each and still imports the request', async () => {
    const r = await imported("curl --proxy http://p:1 --wibble -X patch https://x/y -d 'a=1'");
    has(r.warnings, 'patch /y', /--proxy http:\/\/p:1 not imported/);
    has(r.warnings, 'patch /y', /--wibble not imported \(unknown/);
    const req = flattenRequests(r.items)[0]?.request;
    assert.equal(req?.method, 'patch');
    assert.deepEqual(req?.body, { kind: 'urlencoded', fields: [{ name: 'a', value: '1' }] });
  });

  it('given several -d, it joins them with & as curl does', async () => {
    const r = await imported("curl https://x -d a=1 --data 'b=2' --data-raw 'c=3'");
    assert.deepEqual(flattenRequests(r.items)[0]?.request.body, {
      kind: 'urlencoded',
      fields: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
        { name: 'c', value: '3' },
      ],
    });
  });

  it('given form data that fields would re-encode differently (@ stays raw), it keeps the exact text', async () => {
    const r = await imported("curl https://x --data-raw 'c=@3&d=a+b'");
    assert.deepEqual(flattenRequests(r.items)[0]?.request.body, {
      kind: 'text',
      text: 'c=@3&d=a+b',
      contentType: 'application/x-www-form-urlencoded',
    });
  });
});
