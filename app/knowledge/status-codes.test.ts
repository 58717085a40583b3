import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EXTENSION_CACHEABLE_CODES,
  HEURISTICALLY_CACHEABLE_CODES,
  IANA_STATUS_REGISTRY,
} from './iana-status-registry';
import { isWellFormedRef, rfcNumberOf } from './spec-ref';
import { describeUnregisteredStatus, STATUS_CODES, STATUS_REGISTRY_INFO, statusEntry } from './status-codes';
import { RETRY_SEMANTICS, STATUS_CLASSES } from './types';

describe('status library against the IANA registry', () => {
  it('given the registry, it has an entry for every registered code with the registry description', () => {
    for (const record of IANA_STATUS_REGISTRY) {
      const entry = statusEntry(record.code);
      assert.ok(entry, `missing entry for ${record.code} ${record.description}`);
      assert.equal(entry.reason, record.description, `reason phrase of ${record.code}`);
    }
  });

  it('given the table, it holds no code the registry does not list and no duplicates', () => {
    const registered = new Set(IANA_STATUS_REGISTRY.map((r) => r.code));
    const seen = new Set<number>();
    for (const entry of STATUS_CODES) {
      assert.ok(registered.has(entry.code), `${entry.code} is not in the registry`);
      assert.ok(!seen.has(entry.code), `${entry.code} appears twice`);
      seen.add(entry.code);
    }
    assert.equal(STATUS_CODES.length, IANA_STATUS_REGISTRY.length);
    assert.equal(STATUS_CODES.length, 64);
  });

  it('given the registry references, it cites the same RFC and, where the registry names one, the same section', () => {
    for (const record of IANA_STATUS_REGISTRY) {
      const entry = statusEntry(record.code);
      assert.ok(entry);
      const rfc = /^\[RFC(\d+)(?:, Section ([\d.]+))?\]/.exec(record.reference);
      if (rfc === null) {
        assert.match(entry.ref, /^draft-/, `${record.code} cites a draft in the registry`);
        assert.ok(record.reference.includes(entry.ref), `${record.code} cites ${entry.ref}`);
        continue;
      }
      assert.equal(rfcNumberOf(entry.ref), Number(rfc[1]), `RFC of ${record.code}`);
      if (rfc[2] !== undefined)
        assert.equal(entry.ref, `RFC ${rfc[1]} §${rfc[2]}`, `section of ${record.code}`);
    }
  });

  it('records when the registry was last updated', () => {
    assert.match(STATUS_REGISTRY_INFO.lastUpdated, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('status entries', () => {
  it('given every entry, its citations are well formed and it names a section', () => {
    for (const s of STATUS_CODES) {
      assert.ok(isWellFormedRef(s.ref), `${s.code}: ${s.ref}`);
      if (s.ref.startsWith('RFC')) assert.match(s.ref, /§/, `${s.code} names a section`);
      for (const h of s.headers) assert.ok(isWellFormedRef(h.ref), `${s.code} ${h.header}: ${h.ref}`);
    }
  });

  it('given every entry, its class follows the first digit and its retry semantics are from the closed set', () => {
    for (const s of STATUS_CODES) {
      assert.equal(s.statusClass, STATUS_CLASSES[Math.floor(s.code / 100) - 1], `${s.code}`);
      assert.ok(RETRY_SEMANTICS.includes(s.retry.semantics));
      assert.ok(s.meaning.length > 60, `${s.code} has a real meaning paragraph`);
      assert.ok(s.retry.advice.length > 10);
    }
  });

  it('given the heuristically cacheable list of RFC 9110 §15.1, it marks exactly those (plus 451, RFC 7725) cacheable', () => {
    const expected = new Set([
      ...HEURISTICALLY_CACHEABLE_CODES,
      ...EXTENSION_CACHEABLE_CODES.map((c) => c.code),
    ]);
    const actual = new Set(STATUS_CODES.filter((s) => s.cacheableByDefault).map((s) => s.code));
    assert.deepEqual([...actual].sort(), [...expected].sort());
    assert.equal(statusEntry(501)?.cacheableByDefault, true);
    assert.equal(statusEntry(500)?.cacheableByDefault, false);
  });

  it('given the sections that matter most to the 501 explainer, it cites them exactly', () => {
    const expected: Record<number, string> = {
      404: 'RFC 9110 §15.5.5',
      405: 'RFC 9110 §15.5.6',
      415: 'RFC 9110 §15.5.16',
      418: 'RFC 9110 §15.5.19',
      425: 'RFC 8470 §5.2',
      426: 'RFC 9110 §15.5.22',
      429: 'RFC 6585 §4',
      451: 'RFC 7725 §3',
      500: 'RFC 9110 §15.6.1',
      501: 'RFC 9110 §15.6.2',
      502: 'RFC 9110 §15.6.3',
      503: 'RFC 9110 §15.6.4',
      504: 'RFC 9110 §15.6.5',
      506: 'RFC 2295 §8.1',
      507: 'RFC 4918 §11.5',
      508: 'RFC 5842 §7.2',
      510: 'RFC 2774 §7',
      102: 'RFC 2518 §10.1',
      103: 'RFC 8297 §2',
    };
    for (const [code, ref] of Object.entries(expected))
      assert.equal(statusEntry(Number(code))?.ref, ref, code);
  });

  it('given the special registrations, it marks 306 and 418 unused, 510 obsoleted and 104 temporary', () => {
    assert.equal(statusEntry(306)?.registration, 'unused');
    assert.equal(statusEntry(418)?.registration, 'unused');
    assert.equal(statusEntry(510)?.registration, 'obsoleted');
    assert.equal(statusEntry(104)?.registration, 'temporary');
    assert.equal(statusEntry(501)?.registration, 'registered');
  });

  it('given the header requirements the lint relies on, it states them with their level', () => {
    const level = (code: number, header: string) =>
      statusEntry(code)?.headers.find((h) => h.header === header)?.level;
    assert.equal(level(405, 'Allow'), 'MUST');
    assert.equal(level(401, 'WWW-Authenticate'), 'MUST');
    assert.equal(level(407, 'Proxy-Authenticate'), 'MUST');
    assert.equal(level(426, 'Upgrade'), 'MUST');
    assert.equal(level(101, 'Upgrade'), 'MUST');
    assert.equal(level(503, 'Retry-After'), 'MAY');
    assert.equal(level(301, 'Location'), 'SHOULD');
    assert.equal(statusEntry(501)?.headers.length, 0);
  });

  it('given the confusions, each names another registered code', () => {
    for (const s of STATUS_CODES) {
      for (const c of s.confusions) {
        assert.notEqual(c.code, s.code, `${s.code} confused with itself`);
        assert.ok(statusEntry(c.code), `${s.code} names unregistered ${c.code}`);
      }
    }
    const with501 = statusEntry(501)?.confusions.map((c) => c.code) ?? [];
    for (const code of [400, 404, 405, 500, 502, 503]) assert.ok(with501.includes(code), `501 vs ${code}`);
  });
});

describe('unregistered codes', () => {
  it('given 599, it explains the 5xx class and that clients treat it as 500', () => {
    const text = describeUnregisteredStatus(599);
    assert.match(text, /not in the IANA HTTP Status Code Registry/);
    assert.match(text, /5xx/);
    assert.match(text, /treats it as 500/);
  });

  it('given 299 and 450, it names their classes', () => {
    assert.match(describeUnregisteredStatus(299), /2xx class \(successful/);
    assert.match(describeUnregisteredStatus(450), /4xx class \(client-error/);
  });

  it('given 600 or 99, it says they are not status codes at all', () => {
    assert.match(describeUnregisteredStatus(600), /not an HTTP status code/);
    assert.match(describeUnregisteredStatus(99), /not an HTTP status code/);
  });
});
