import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunItemResult, RunReport } from '../contract/run-ops';
import { checkJUnit, parseXml } from './junit-check';
import { toJUnit } from './junit';
import { xmlAttr, xmlText } from './xml';

const NASTY = 'a<b>&"c"\'d\' \u0001\u001b[31m\u0000 \uD800 tab\there\r\nnext ]]> 🙂';

function item(extra: Partial<RunItemResult>): RunItemResult {
  return {
    path: 'x.yaml',
    name: 'X',
    folder: '',
    folderName: 'C',
    method: 'GET',
    url: 'http://127.0.0.1/',
    outcome: 'passed',
    ms: 12.5,
    assertions: [],
    ...extra,
  };
}

function report(results: RunItemResult[]): RunReport {
  return {
    runId: 'r',
    collection: { root: '/tmp/c', name: 'C' },
    relPath: '',
    environment: null,
    startedAt: '2026-01-02T03:04:05.678Z',
    ms: 40,
    results,
    totals: {
      requests: results.length,
      passed: 0,
      failed: 0,
      errors: 0,
      skipped: 0,
      assertions: 0,
      assertionsFailed: 0,
    },
    bailed: false,
    stopped: false,
  };
}

describe('JUnit XML', () => {
  it('given names, messages and bodies with markup, control characters and lone surrogates, it writes XML a strict parser reads back', () => {
    const xml = toJUnit(
      report([
        item({
          name: NASTY,
          outcome: 'failed',
          assertions: [
            {
              assertion: { kind: 'body-contains', text: NASTY },
              passed: false,
              actual: NASTY,
              message: `no ${NASTY}`,
            },
          ],
        }),
        item({ name: 'E', path: 'e.yaml', outcome: 'error', error: { code: 'net.refused', message: NASTY } }),
        item({ name: 'S', path: 's.yaml', outcome: 'skipped', skipReason: 'not run' }),
      ]),
    );
    assert.deepEqual(checkJUnit(xml), []);
    const tc = parseXml(xml).children[0]?.children.find((c) => c.name === 'testcase');
    assert.equal(
      tc?.attrs.name,
      'a<b>&"c"\'d\' \\x01\\x1B[31m\\x00 \\uD800 tab\there\r\nnext ]]> 🙂',
      'attribute values keep tab, CR, LF; forbidden characters become visible escapes',
    );
    assert.match(xml, /timestamp="2026-01-02T03:04:05"/);
    assert.match(xml, /tests="3" failures="1" errors="1" skipped="1"/);
  });

  it('given the escapers alone, they leave ordinary text as it is', () => {
    assert.equal(xmlText('plain text, 100%'), 'plain text, 100%');
    assert.equal(xmlAttr('a "b"\n'), 'a &quot;b&quot;&#10;');
  });

  it('given broken documents, the checker rejects them (so a passing check means something)', () => {
    const good = toJUnit(report([item({})]));
    assert.deepEqual(checkJUnit(good), []);
    assert.throws(() => parseXml('<a><b></a>'), /closes/);
    assert.throws(() => parseXml('<a>x & y</a>'), /reference|entity/);
    assert.throws(() => parseXml('<a>\u0001</a>'), /not allowed/);
    assert.throws(() => parseXml('<a>&#1;</a>'), /forbids/);
    assert.throws(() => parseXml('<a x="1" x="2"/>'), /duplicate/);
    assert.throws(() => parseXml('<a/><b/>'), /after the root/);
    assert.match(
      checkJUnit(good.replace(/(<testsuite [^>]*?)tests="1"/, '$1tests="2"')).join('\n'),
      /tests="2" but it holds 1/,
    );
    assert.match(checkJUnit(good.replace(/ classname="[^"]*"/, '')).join('\n'), /missing classname/);
    assert.match(
      checkJUnit(good.replace(/timestamp="[^"]*"/g, 'timestamp="yesterday"')).join('\n'),
      /timestamp must be/,
    );
  });
});
