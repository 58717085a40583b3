/**
 * The general proxy signals (hop-author.ts, causes/proxy-hop.ts): a 501 written by a proxy no
 * fingerprint knows is recognised from how proxies behave, and a 501 the origin wrote and a proxy only
 * relayed never becomes proxy-originated. Exchanges come from the test factory; the names are made up
 * (not the lab's, not the corpus's).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, ProbeKind } from '../contract/diagnosis-ops';
import type { ExchangeRecord, HeaderPair } from '../contract/exchange';
import { combineFindings } from './combine';
import { explainExchange } from './explain';
import { parseVia } from './hop-author';
import { analyseProbes } from './probe-analysis';
import { extractSignals } from './signals';
import { makeExchange } from './testing/factory';

const URL_ = 'http://127.0.0.1:8080/api/orders/7';
const HTML: HeaderPair = ['Content-Type', 'text/html'];
const BARE_PAGE = '<html><body><h1>501 Not Implemented</h1></body></html>';
const page = (p: string, address: string) =>
  `<html><head><title>501 Not Implemented</title></head><body><h1>Not Implemented</h1><p>${p}</p><hr><address>${address}</address></body></html>`;

function a501(headers: HeaderPair[], body: string, method = 'BREW'): ExchangeRecord {
  return makeExchange({ method, url: URL_, status: 501, reason: 'Not Implemented', headers, body });
}

const passive = (ex: ExchangeRecord): Finding[] => explainExchange(ex).findings;
const causes = (fs: Finding[]) => fs.map((f) => f.cause);
const proxyFinding = (fs: Finding[]) => fs.find((f) => f.cause === 'proxy-originated');

interface Probe {
  kind: ProbeKind;
  method: string;
  ex: ExchangeRecord;
}

function withProbes(original: ExchangeRecord, probes: Probe[]): Finding[] {
  const s = extractSignals(original);
  const p = analyseProbes(
    s,
    probes.map((x) => ({ id: x.kind, kind: x.kind, method: x.method, exchange: x.ex })),
  );
  return combineFindings({ s, p });
}

/** The origin's answer to a control GET, relayed through the proxy `edge-gw`. */
const originGet = (server = 'orders-api/2.1', via = '1.1 edge-gw') =>
  makeExchange({
    method: 'GET',
    url: URL_,
    status: 200,
    headers: [
      ['Server', server],
      ['Content-Type', 'application/json'],
      ['Via', via],
    ],
    body: '{"id":7,"total":12.5}',
  });

describe('Via parsing (RFC 9110 §7.6.3)', () => {
  it('given entries with pseudonyms, host:port and comments holding commas, it reads each hop', () => {
    const [a, b] = parseVia(['1.0 fred, 1.1 gw.example.test:8080 (EdgeGW/3.2, build 7)']);
    assert.deepEqual(
      [a?.receivedBy, a?.port, b?.host, b?.port, b?.software],
      ['fred', null, 'gw.example.test', '8080', ['edgegw', 'build']],
    );
  });
});

describe('proxy-originated from the response alone', () => {
  it('given Server naming the received-by pseudonym of the Via hop, it says that proxy wrote the 501', () => {
    const ex = a501([['Server', 'edge-gw/3.2'], HTML, ['Via', '1.1 edge-gw']], BARE_PAGE);
    const e = explainExchange(ex);
    assert.equal(e.author.kind, 'proxy');
    assert.equal(e.findings[0]?.cause, 'proxy-originated');
    assert.match(e.findings[0]?.summary ?? '', /edge-gw/);
    assert.ok(e.hops.hops.find((h) => h.authored)?.label.includes('edge-gw'));
  });

  it('given no Server but an <address> footer naming the Via hop by host and port, it says that proxy wrote the 501', () => {
    const ex = a501(
      [HTML, ['Via', '1.1 gw.example.test:8443']],
      page('Request refused.', 'Server at gw.example.test Port 8443'),
    );
    assert.equal(explainExchange(ex).author.kind, 'proxy');
    assert.equal(passive(ex)[0]?.cause, 'proxy-originated');
  });

  it('given Server naming only the Via hop’s software, it does not claim a proxy (the origin may run the same software)', () => {
    const ex = a501([['Server', 'EdgeGW/3.2'], HTML, ['Via', '1.1 10.0.0.5 (EdgeGW/3.2)']], BARE_PAGE);
    assert.ok(!causes(passive(ex)).includes('proxy-originated'));
  });

  it('given that software match plus a footer naming the same product as Server, it names the proxy', () => {
    const ex = a501(
      [['Server', 'EdgeGW/3.2'], HTML, ['Via', '1.1 10.0.0.5 (EdgeGW/3.2)']],
      page('Request refused.', 'EdgeGW/3.2'),
    );
    const proxy = proxyFinding(passive(ex));
    assert.ok(proxy, 'proxy-originated is named');
    assert.ok(proxy.evidence.some((e) => /wrote the body too/.test(e.inference)));
  });

  it('given the linked page calls itself a gateway, the proxy finding is stronger than without that wording', () => {
    const head: HeaderPair[] = [['Server', 'edge-gw/3.2'], HTML, ['Via', '1.1 edge-gw']];
    const plain = proxyFinding(passive(a501(head, page('Request refused.', 'at 10.1.1.1'))));
    const worded = proxyFinding(passive(a501(head, page('The gateway refused the request.', 'at 10.1.1.1'))));
    assert.ok(plain && worded);
    assert.ok(worded.score > plain.score, `${worded.score} > ${plain.score}`);
  });

  it('given a page that talks about a gateway while Server names the origin, it does not claim a proxy', () => {
    const ex = a501(
      [['Server', 'orders-api/2.1'], HTML, ['Via', '1.1 edge-gw']],
      page('Gateway settlement is not implemented yet.', 'orders-api/2.1 at api.example.test'),
      'POST',
    );
    assert.ok(!causes(passive(ex)).includes('proxy-originated'));
  });

  it('given a proxy documented to overwrite Server (Google Frontend, Via: 1.1 google), it does not read Server as the author', () => {
    const ex = a501([['Server', 'Google Frontend'], HTML, ['Via', '1.1 google']], BARE_PAGE);
    assert.notEqual(explainExchange(ex).author.kind, 'proxy');
    assert.ok(!causes(passive(ex)).includes('proxy-originated'));
  });

  it("given the origin's own 501 page relayed through a proxy (origin Server and footer, Via: 1.1 edge-gw), it never names proxy-originated", () => {
    const apache = a501(
      [['Server', 'Apache/2.4.62 (Debian)'], HTML, ['Via', '1.1 edge-gw']],
      page(
        'BREW not supported for current URL.',
        'Apache/2.4.62 (Debian) Server at api.example.test Port 80',
      ),
    );
    const text = a501(
      [
        ['Server', 'orders-api/2.1'],
        ['Content-Type', 'text/plain'],
        ['Via', '1.1 edge-gw'],
      ],
      'Method BREW is not supported by this server.',
    );
    // Behind a Host-preserving proxy whose Via names the public host, the origin's footer names it too.
    const preserved = makeExchange({
      method: 'BREW',
      url: 'http://api.example.test/api/orders/7',
      status: 501,
      reason: 'Not Implemented',
      headers: [['Server', 'Apache/2.4.62 (Debian)'], HTML, ['Via', '1.1 api.example.test']],
      body: page(
        'BREW not supported for current URL.',
        'Apache/2.4.62 (Debian) Server at api.example.test Port 80',
      ),
    });
    for (const ex of [apache, text, preserved]) {
      assert.notEqual(explainExchange(ex).author.kind, 'proxy');
      assert.ok(!causes(passive(ex)).includes('proxy-originated'));
    }
  });
});

describe('proxy-originated with probes', () => {
  const proxy501 = () => a501([['Server', 'edge-gw/3.2'], HTML, ['Via', '1.1 edge-gw']], BARE_PAGE);

  it("given the control GET answered by another Server (the origin's) through the same hop, it is sure the hop wrote the 501", () => {
    const fs = withProbes(proxy501(), [{ kind: 'control-get', method: 'GET', ex: originGet() }]);
    assert.equal(fs[0]?.cause, 'proxy-originated');
    assert.equal(fs[0]?.confidence, 'high');
    assert.ok(fs[0]?.evidence.some((e) => e.source === 'probe:control-get'));
  });

  it('given the control GET answered by the same Server, it counts against a proxy (the name in Via separates nothing)', () => {
    const same = makeExchange({
      method: 'GET',
      url: URL_,
      status: 200,
      headers: [['Server', 'edge-gw/3.2'], HTML, ['Via', '1.1 edge-gw']],
      body: '<html><body>Order 7</body></html>',
    });
    const passiveScore = proxyFinding(passive(proxy501()))?.score ?? 0;
    const probed = proxyFinding(withProbes(proxy501(), [{ kind: 'control-get', method: 'GET', ex: same }]));
    assert.ok((probed?.score ?? 0) < passiveScore);
    assert.ok(probed === undefined || probed.evidence.some((e) => e.inference.startsWith('against:')));
  });

  it('given no Via on the 501 but a control relayed with Via naming the 501’s Server, it finds the hop from the probe', () => {
    const noVia = a501([['Server', 'edge-gw/3.2'], HTML], BARE_PAGE);
    assert.ok(!causes(passive(noVia)).includes('proxy-originated'));
    const fs = withProbes(noVia, [{ kind: 'control-get', method: 'GET', ex: originGet() }]);
    assert.equal(fs[0]?.cause, 'proxy-originated');
  });

  it('given OPTIONS with Max-Forwards: 0 answered by the 501’s Server, it says the first hop wrote the 501', () => {
    const hop0 = makeExchange({
      method: 'OPTIONS',
      url: URL_,
      status: 200,
      headers: [
        ['Server', 'edge-gw/3.2'],
        ['Allow', 'GET, HEAD, POST, OPTIONS'],
      ],
    });
    const fs = withProbes(proxy501(), [
      { kind: 'control-get', method: 'GET', ex: originGet() },
      { kind: 'max-forwards', method: 'OPTIONS', ex: hop0 },
    ]);
    assert.ok(
      proxyFinding(fs)?.evidence.some(
        (e) => e.source === 'probe:max-forwards' && /first hop/.test(e.inference),
      ),
    );
  });

  it('given the same method on a sibling path answered with the identical page, it names a blanket rule in front', () => {
    const sibling = makeExchange({
      method: 'BREW',
      url: 'http://127.0.0.1:8080/api/orders/statuscope-probe-0a1b2c3d',
      status: 501,
      reason: 'Not Implemented',
      headers: [['Server', 'edge-gw/3.2'], HTML, ['Via', '1.1 edge-gw']],
      body: BARE_PAGE,
    });
    const fs = withProbes(proxy501(), [
      { kind: 'control-get', method: 'GET', ex: originGet() },
      { kind: 'sibling-path', method: 'BREW', ex: sibling },
    ]);
    assert.ok(proxyFinding(fs)?.evidence.some((e) => /blanket rule/.test(e.inference)));
  });

  it("given the origin's relayed 501 and probes that the origin answers too, it never names proxy-originated", () => {
    const relayed = (url: string) =>
      makeExchange({
        method: 'BREW',
        url,
        status: 501,
        reason: 'Not Implemented',
        headers: [
          ['Server', 'orders-api/2.1'],
          ['Content-Type', 'text/plain'],
          ['Via', '1.1 edge-gw'],
        ],
        body: 'Method BREW is not supported by this server.',
      });
    const fs = withProbes(relayed(URL_), [
      { kind: 'control-get', method: 'GET', ex: originGet() },
      { kind: 'sibling-path', method: 'BREW', ex: relayed('http://127.0.0.1:8080/api/orders/x1') },
    ]);
    assert.equal(fs[0]?.cause, 'method-unsupported');
    assert.ok(!causes(fs).includes('proxy-originated'));
  });
});
