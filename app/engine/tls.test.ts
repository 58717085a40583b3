import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { finalResponse } from '../common/exchange';
import { requestSpecSchema } from '../contract/exchange';
import { sendExchange } from './send';

/** A throwaway self-signed certificate for localhost, made with the system's openssl. */
function selfSigned(): { key: Buffer; cert: Buffer } | string {
  const dir = mkdtempSync(join(tmpdir(), 'statuscope-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
  } catch {
    return 'openssl is not installed, so no certificate can be made for the TLS tests (apt-get install openssl)';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startTls(t: TestContext) {
  const creds = selfSigned();
  if (typeof creds === 'string') {
    t.skip(creds);
    return undefined;
  }
  const seen: string[] = [];
  const server = http2.createSecureServer({ ...creds, allowHTTP1: true }, (req, res) => {
    seen.push(`${req.method} ${req.url} HTTP/${req.httpVersion}`);
    res.writeHead(501, { 'content-type': 'text/plain' }).end('not here');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `https://127.0.0.1:${port}/tls`, seen };
}

describe('sendExchange over TLS', () => {
  it('given a self-signed certificate and verification on, it fails with net.tls in the tls phase', async (t) => {
    const s = await startTls(t);
    if (!s) return;
    const result = await sendExchange(requestSpecSchema.parse({ method: 'GET', url: s.url }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'net.tls');
    assert.equal(result.error.phase, 'tls');
    assert.equal(s.seen.length, 0);
  });

  it('given verification off, it records the TLS handshake as its own phase over HTTP/1.1', async (t) => {
    const s = await startTls(t);
    if (!s) return;
    const result = await sendExchange(requestSpecSchema.parse({ method: 'PROPFIND', url: s.url, options: { rejectUnauthorized: false } }));
    assert.ok(result.ok);
    const hop = result.value.hops[0];
    assert.equal(finalResponse(result.value)?.status, 501);
    assert.ok(hop?.timings.tlsDone !== undefined && hop.timings.connected !== undefined && hop.timings.tlsDone >= hop.timings.connected);
    assert.match(hop?.remote?.tlsProtocol ?? '', /^TLSv1\.[23]$/);
    assert.deepEqual(s.seen, ['PROPFIND /tls HTTP/1.1']);
  });

  it('given HTTP/2, it negotiates h2 and keeps a lower-case method as typed', async (t) => {
    const s = await startTls(t);
    if (!s) return;
    const result = await sendExchange(requestSpecSchema.parse({ method: 'patch', url: s.url, options: { rejectUnauthorized: false, http2: true } }));
    assert.ok(result.ok);
    const hop = result.value.hops[0];
    assert.equal(hop?.remote?.alpn, 'h2');
    assert.equal(finalResponse(result.value)?.httpVersion, '2');
    assert.match(hop?.requestHead ?? '', /^:method: patch\r\n/);
    assert.deepEqual(s.seen, ['patch /tls HTTP/2.0']);
  });
});
