/**
 * The exported curl command sends what the engine sends: both are pointed at the same raw server on
 * 127.0.0.1 and the bytes they write are compared (request line, the user's headers in order and
 * casing, the body). Only what each client adds on its own (Host, Connection, Content-Length) differs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { requestSpecSchema, type RequestSpecInput } from '../contract/exchange';
import { sendExchange } from '../engine/send';
import { rawResponse, startRawServer, type RawServer } from '../testing/servers';
import { curlCommand, shellQuote } from './curl-export';

const run = promisify(execFile);
const CLIENT_ADDED = /^(host|connection|content-length|transfer-encoding|keep-alive)$/i;

interface Seen {
  requestLine: string;
  headers: string[];
  body: string;
}

function parse(text: string): Seen {
  const end = text.indexOf('\r\n\r\n');
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  // Trailing whitespace is optional whitespace, not part of the value (RFC 9110 §5.5): undici writes
  // `X-Empty: ` where curl writes `X-Empty:`, the same field.
  const headers = lines.filter((l) => !CLIENT_ADDED.test(l.slice(0, l.indexOf(':')))).map((l) => l.trimEnd());
  return { requestLine, headers, body: text.slice(end + 4) };
}

let server: RawServer;
let dir: string;

before(async () => {
  server = await startRawServer((_req, socket) =>
    socket.end(rawResponse(200, 'OK', [['Connection', 'close']], 'ok')),
  );
  dir = await mkdtemp(join(tmpdir(), 'statuscope-curl-export-'));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function viaEngine(spec: RequestSpecInput): Promise<Seen> {
  const before = server.requests.length;
  const r = await sendExchange(requestSpecSchema.parse(spec));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const seen = server.requests[before];
  assert.ok(seen);
  return parse(seen.text);
}

async function viaCurl(spec: RequestSpecInput): Promise<Seen> {
  const before = server.requests.length;
  await run('bash', ['-c', curlCommand(requestSpecSchema.parse(spec))], { cwd: dir, timeout: 10_000 });
  const seen = server.requests[before];
  assert.ok(seen);
  return parse(seen.text);
}

const cases: [string, (base: string) => RequestSpecInput][] = [
  [
    'a lower-case method with duplicate, mixed-case headers',
    (u) => ({
      method: 'patch',
      url: `${u}/a?x=1&x=2`,
      headers: [
        ['X-B', '2'],
        ['x-a', '1'],
        ['X-A', '3'],
        ['Accept', '*/*'],
      ],
      body: { kind: 'json', text: '{"name":"it\'s"}' },
    }),
  ],
  [
    'an unregistered method with no body',
    (u) => ({ method: 'PURGE', url: `${u}/cache`, headers: [['User-Agent', 'probe']] }),
  ],
  [
    'a text body with control characters and quotes',
    (u) => ({
      method: 'POST',
      url: `${u}/t`,
      body: {
        kind: 'text',
        text: 'line1\nline2\t\'quoted\' "double" $HOME `cmd`',
        contentType: 'text/plain',
      },
    }),
  ],
  [
    'an urlencoded body',
    (u) => ({
      method: 'PUT',
      url: `${u}/f`,
      body: {
        kind: 'urlencoded',
        fields: [
          { name: 'a b', value: 'c&d' },
          { name: 'e', value: 'é' },
        ],
      },
    }),
  ],
  [
    'a GET with an empty header value',
    (u) => ({
      method: 'GET',
      url: `${u}/e`,
      headers: [
        ['X-Empty', ''],
        ['X-Full', 'v'],
      ],
    }),
  ],
  [
    'a binary body',
    (u) => ({
      method: 'POST',
      url: `${u}/b`,
      body: { kind: 'binary', base64: Buffer.from([0, 1, 2, 255, 10, 13]).toString('base64') },
    }),
  ],
];

describe('curl export sends what the engine sends', () => {
  for (const [name, make] of cases) {
    it(`given ${name}, curl and the engine write the same request`, async () => {
      const spec = make(server.url);
      const [engine, curl] = [await viaEngine(spec), await viaCurl(spec)];
      assert.equal(curl.requestLine, engine.requestLine);
      assert.deepEqual(curl.headers, engine.headers);
      assert.equal(curl.body, engine.body);
    });
  }

  it('given a file body, curl sends the file bytes', async () => {
    const file = join(dir, 'payload.bin');
    await writeFile(file, Buffer.from('raw\r\nbytes'));
    const spec: RequestSpecInput = {
      method: 'PUT',
      url: `${server.url}/file`,
      body: { kind: 'file', path: file, contentType: 'application/octet-stream' },
    };
    const [engine, curl] = [await viaEngine(spec), await viaCurl(spec)];
    assert.equal(curl.requestLine, engine.requestLine);
    assert.deepEqual(curl.headers, engine.headers);
    assert.equal(curl.body, 'raw\r\nbytes');
  });

  it('given a multipart body with a field and a file, the parts match once boundaries are set aside', async () => {
    const file = join(dir, 'photo.jpg');
    await writeFile(file, Buffer.from('JPEGDATA'));
    const spec: RequestSpecInput = {
      method: 'POST',
      url: `${server.url}/upload`,
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'field', name: 'caption', value: 'at the beach; sunny' },
          { kind: 'file', name: 'photo', path: file, contentType: 'image/jpeg' },
        ],
      },
    };
    const [engine, curl] = [await viaEngine(spec), await viaCurl(spec)];
    const boundaryOf = (s: Seen) => /boundary=(\S+)/.exec(s.headers.join('\n'))?.[1] ?? '';
    const normal = (s: Seen) => s.body.split(boundaryOf(s)).join('BOUNDARY');
    assert.equal(curl.requestLine, engine.requestLine);
    assert.equal(normal(curl), normal(engine));
  });
});

describe('shellQuote', () => {
  it('given safe text, it leaves it bare; given a quote, it closes and reopens the single quotes', () => {
    assert.equal(shellQuote('https://x/a'), 'https://x/a');
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });

  it("given control characters, it uses $'…' escapes", () => {
    assert.equal(shellQuote('a\nb\x01'), "$'a\\nb\\x01'");
  });

  it('given HEAD without a body, it writes --head, never -X HEAD (which waits for a body)', () => {
    const cmd = curlCommand(requestSpecSchema.parse({ method: 'HEAD', url: 'http://127.0.0.1:1/' }));
    assert.match(cmd, /--head/);
    assert.doesNotMatch(cmd, /-X HEAD/);
  });
});
