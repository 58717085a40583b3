/**
 * The run as JUnit XML, the format CI servers read (Jenkins' junit step, GitLab's artifacts:reports:junit,
 * GitHub test reporters): <testsuites> with one <testsuite> per folder (the collection's root requests form
 * a suite named after the collection), one <testcase> per request with classname, name, time and file,
 * one <failure message type> per failed assertion, <error> when the request could not be sent,
 * <skipped> when it did not run. Counts follow JUnit's meaning: `failures` and `errors` count test cases.
 */
import type { RunItemResult, RunReport } from '../contract/run-ops';
import { openTag, xmlText } from './xml';

export interface JUnitOptions {
  hostname?: string;
}

interface Suite {
  name: string;
  results: RunItemResult[];
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The XSD Jenkins publishes types `timestamp` as a date-time without zone or fraction; this one is UTC. */
function timestamp(iso: string): string {
  return iso.replace(/\.\d+Z?$|Z$/, '');
}

export function suitesOf(report: RunReport): Suite[] {
  const suites = new Map<string, Suite>();
  for (const r of report.results) {
    const name = r.folder === '' ? report.collection.name : `${report.collection.name}/${r.folder}`;
    const suite = suites.get(name) ?? { name, results: [] };
    suite.results.push(r);
    suites.set(name, suite);
  }
  return [...suites.values()];
}

function counts(results: readonly RunItemResult[]) {
  return {
    tests: results.length,
    failures: results.filter((r) => r.outcome === 'failed').length,
    errors: results.filter((r) => r.outcome === 'error').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
    time: seconds(results.reduce((n, r) => n + r.ms, 0)),
  };
}

function testcase(r: RunItemResult, classname: string): string[] {
  const out = [
    `    ${openTag('testcase', [
      ['classname', classname],
      ['name', r.name],
      ['time', seconds(r.ms)],
      ['file', r.path],
    ])}`,
  ];
  for (const a of r.assertions.filter((x) => !x.passed)) {
    out.push(
      `      ${openTag('failure', [
        ['message', a.message],
        ['type', a.assertion.kind],
      ])}${xmlText(`${a.message}\nassertion: ${JSON.stringify(a.assertion)}\nactual: ${a.actual}`)}</failure>`,
    );
  }
  if (r.error)
    out.push(
      `      ${openTag('error', [
        ['message', r.error.message],
        ['type', r.error.code],
      ])}${xmlText(`${r.error.code}: ${r.error.message}`)}</error>`,
    );
  if (r.outcome === 'skipped')
    out.push(`      ${openTag('skipped', [['message', r.skipReason ?? 'not run']], true)}`);
  const lines = [
    `${r.method} ${r.url}${r.status === undefined ? '' : ` -> ${r.status} ${r.reason ?? ''}`.trimEnd()}`,
    ...r.assertions.map((a) => `${a.passed ? 'PASS' : 'FAIL'} ${a.assertion.kind}: ${a.message}`),
  ];
  out.push(`      <system-out>${xmlText(lines.join('\n'))}</system-out>`, '    </testcase>');
  return out;
}

export function toJUnit(report: RunReport, opts: JUnitOptions = {}): string {
  const hostname = opts.hostname ?? 'localhost';
  const stamp = timestamp(report.startedAt);
  const all = counts(report.results);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    openTag('testsuites', [
      ['name', report.collection.name],
      ['tests', all.tests],
      ['failures', all.failures],
      ['errors', all.errors],
      ['skipped', all.skipped],
      ['time', seconds(report.ms)],
      ['timestamp', stamp],
    ]),
  ];
  for (const [id, suite] of suitesOf(report).entries()) {
    const c = counts(suite.results);
    const classname = suite.name.replace(/\//g, '.');
    out.push(
      `  ${openTag('testsuite', [
        ['name', suite.name],
        ['id', id],
        ['package', report.collection.name],
        ['hostname', hostname],
        ['timestamp', stamp],
        ['tests', c.tests],
        ['failures', c.failures],
        ['errors', c.errors],
        ['skipped', c.skipped],
        ['time', c.time],
      ])}`,
      '    <properties>',
      `      ${openTag(
        'property',
        [
          ['name', 'collection'],
          ['value', report.collection.root],
        ],
        true,
      )}`,
      `      ${openTag(
        'property',
        [
          ['name', 'environment'],
          ['value', report.environment ?? '(none)'],
        ],
        true,
      )}`,
      '    </properties>',
    );
    for (const r of suite.results) out.push(...testcase(r, classname));
    out.push('    <system-out></system-out>', '    <system-err></system-err>', '  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
