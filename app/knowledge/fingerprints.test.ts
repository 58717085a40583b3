import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FINGERPRINTS,
  fingerprintById,
  isProxyOnly,
  matchFingerprints,
  type MatchInput,
} from './fingerprints';

const match = (input: Partial<MatchInput>) =>
  matchFingerprints({ headers: [], reason: '', body: '', ...input });
const authorOf = (input: Partial<MatchInput>) => match(input).find((m) => m.authored)?.fingerprint.id;

describe('fingerprint table', () => {
  it('given the table, every product has a unique id, a role, signals, and a source for every signal', () => {
    const ids = FINGERPRINTS.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const f of FINGERPRINTS) {
      assert.ok(f.roles.length > 0, f.id);
      assert.ok(f.signals.length > 0, f.id);
      for (const s of f.signals) {
        assert.ok(s.source.trim().length > 10, `${f.id}: a signal without a source`);
        assert.equal(s.pattern.test(''), false, `${f.id}: ${s.pattern} matches an empty value`);
        if (s.place === 'header') assert.ok(s.header, `${f.id}: header signal without a header name`);
      }
      for (const r of f.own501AsProxy ?? [])
        assert.ok(f.own501.includes(r), `${f.id}: own501AsProxy ${r} not in own501`);
    }
  });

  it('given the products the diagnosis must know, it has a fingerprint for each', () => {
    const wanted = [
      'apache',
      'nginx',
      'squid',
      'haproxy',
      'varnish',
      'envoy',
      'traefik',
      'caddy',
      'lighttpd',
      'apache-traffic-server',
      'tomcat',
      'iis',
      'cloudflare',
      'cloudfront',
      'fastly',
      'akamai',
      'aws-alb',
      'aws-api-gateway',
      'google-frontend',
      'azure-front-door',
      'python-http-server',
      'werkzeug',
      'django',
      'express',
      'fastify',
      'koa',
      'hapi',
      'spring',
      'aspnet',
      'rails',
      'php',
    ];
    for (const id of wanted) assert.ok(fingerprintById(id), id);
    const squid = fingerprintById('squid');
    const nginx = fingerprintById('nginx');
    assert.ok(squid && nginx);
    assert.equal(isProxyOnly(squid), true);
    assert.equal(isProxyOnly(nginx), false);
  });
});

describe('matching', () => {
  it('given X-Squid-Error, it says Squid wrote the response', () => {
    assert.equal(
      authorOf({
        headers: [
          ['X-Squid-Error', 'ERR_UNSUP_REQ 0'],
          ['Server', 'squid/5.7'],
        ],
      }),
      'squid',
    );
  });
  it("given nginx's error tail in the body, it says nginx wrote it", () => {
    assert.equal(
      authorOf({
        body: '<html>\r\n<head><title>501 Not Implemented</title></head>\r\n<body>\r\n<center><h1>501 Not Implemented</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n',
      }),
      'nginx',
    );
  });
  it('given Server: nginx on a JSON body, it names nginx as the sender of the head, not the author', () => {
    const [m] = match({ headers: [['Server', 'nginx/1.22.1']], body: '{"error":"not_implemented"}' });
    assert.equal(m?.fingerprint.id, 'nginx');
    assert.equal(m?.authored, false);
    assert.equal(m?.identity, true);
  });
  it("given Apache's canned 501 text, it says Apache wrote it", () => {
    assert.equal(
      authorOf({ body: '<h1>Not Implemented</h1>\n<p>BREW not supported for current URL.<br />\n</p>' }),
      'apache',
    );
  });
  it("given HAProxy's built-in page, it says HAProxy wrote it", () => {
    assert.equal(
      authorOf({
        body: '<html><body><h1>501 Not Implemented</h1>\n.The server does not support the functionality required to fulfill the request.\n</body></html>\n',
      }),
      'haproxy',
    );
  });
  it("given Python's \"Unsupported method ('PUT')\" reason, it says http.server wrote it", () => {
    assert.equal(authorOf({ reason: "Unsupported method ('PUT')" }), 'python-http-server');
  });
  it("given Werkzeug's NotImplemented description, it says Werkzeug wrote it", () => {
    assert.equal(
      authorOf({
        body: '<!doctype html>\n<html lang=en>\n<title>501 Not Implemented</title>\n<h1>Not Implemented</h1>\n<p>The server does not support the action requested by the browser.</p>\n',
      }),
      'werkzeug',
    );
  });
  it("given Fastify's default error JSON, it says Fastify wrote it", () => {
    assert.equal(
      authorOf({
        body: '{"statusCode":501,"error":"Not Implemented","message":"export is not implemented yet"}',
      }),
      'fastify',
    );
  });
  it("given Tomcat's error report title, it says Tomcat wrote it", () => {
    assert.equal(
      authorOf({
        body: '<!doctype html><html lang="en"><head><title>HTTP Status 501 – Not Implemented</title>',
      }),
      'tomcat',
    );
  });
  it('given CF-Ray on a relayed response, it puts Cloudflare on the path without making it the author', () => {
    const m = match({
      headers: [
        ['CF-Ray', '8a1b2c3d4e5f6789-FRA'],
        ['Server', 'cloudflare'],
      ],
      body: '{"ok":true}',
    }).find((x) => x.fingerprint.id === 'cloudflare');
    assert.ok(m?.onPath);
    assert.equal(m?.authored, false);
  });
  it('given a CloudFront Via and X-Cache: Error from cloudfront, it says CloudFront wrote it', () => {
    assert.equal(
      authorOf({
        headers: [
          ['Via', '1.1 abc123.cloudfront.net (CloudFront)'],
          ['X-Cache', 'Error from cloudfront'],
        ],
      }),
      'cloudfront',
    );
  });
  it('given Google\'s "Error 501 (Not Implemented)!!1" page, it says a Google front end wrote it', () => {
    assert.equal(
      authorOf({
        body: '<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error 501 (Not Implemented)!!1</title>',
      }),
      'google-frontend',
    );
  });
  it('given Server: awselb/2.0 with its error page, it says the ALB wrote it', () => {
    assert.equal(
      authorOf({
        headers: [['Server', 'awselb/2.0']],
        body: '<html>\r\n<head><title>501 Not Implemented</title></head>\r\n<body>\r\n<center><h1>501 Not Implemented</h1></center>\r\n<hr><center>awselb/2.0</center>\r\n</body>\r\n</html>',
      }),
      'aws-alb',
    );
  });
  it('given Go\'s "Unsupported transfer encoding" body, it says Go net/http wrote it', () => {
    assert.equal(authorOf({ body: 'Unsupported transfer encoding' }), 'go-net-http');
  });
  it('given X-Powered-By: Express, it identifies Express without claiming it wrote the body', () => {
    const m = match({ headers: [['X-Powered-By', 'Express']], body: 'Not Implemented' }).find(
      (x) => x.fingerprint.id === 'express',
    );
    assert.equal(m?.identity, true);
    assert.equal(m?.authored, false);
  });
});
