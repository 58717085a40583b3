import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanMatrix } from '../contract/run-ops';
import { csvField, exportMatrix, mdCell } from './export';

const MATRIX: ScanMatrix = {
  scanId: 's',
  startedAt: '2026-01-01T00:00:00.000Z',
  ms: 12,
  methods: ['OPTIONS', 'GET', 'DELETE'],
  rows: [
    {
      url: 'http://127.0.0.1:1/a',
      label: 'A | "quoted", label',
      optionsAllow: ['GET'],
      cells: [
        {
          method: 'OPTIONS',
          set: 'options',
          safety: 'safe',
          send: true,
          status: 204,
          reason: 'No Content',
          allow: ['GET'],
        },
        {
          method: 'GET',
          set: 'standard',
          safety: 'safe',
          send: true,
          status: 501,
          reason: '=HYPERLINK("x")',
          cause: 'endpoint-stub',
        },
        { method: 'DELETE', set: 'standard', safety: 'unsafe', send: false, skipReason: 'no consent' },
      ],
      contradictions: [
        { kind: '501-on-get-head', methods: ['GET'], message: 'GET answered 501.', ref: 'RFC 9110 §9.1' },
      ],
    },
  ],
  problems: [],
  cancelled: false,
  totals: { sent: 2, skipped: 1, errors: 0, contradictions: 1 },
};

describe('matrix export', () => {
  it('given CSV, it quotes per RFC 4180, defuses formulas and tags contradictions per cell', () => {
    const { text, mediaType } = exportMatrix(MATRIX, 'csv');
    assert.equal(mediaType, 'text/csv; charset=utf-8');
    const lines = text.split('\r\n');
    assert.equal(lines.length, 5, 'header, three cells, final CRLF');
    assert.equal(
      lines[2],
      `http://127.0.0.1:1/a,"A | ""quoted"", label",,GET,standard,safe,yes,501,"'=HYPERLINK(""x"")",,,endpoint-stub,,,,,501-on-get-head`,
    );
    assert.match(lines[3] ?? '', /,DELETE,standard,unsafe,no,.*,no consent,$/);
    assert.equal(csvField('-1'), "'-1");
  });

  it('given Markdown, it writes the summary matrix and an escaped detail table per target', () => {
    const { text } = exportMatrix(MATRIX, 'markdown');
    assert.match(text, /\| Target \| OPTIONS \| GET \| DELETE \|/);
    assert.match(text, /\| A \\\| "quoted", label \| 204 \| 501 \| — \|/);
    assert.match(text, /- `501-on-get-head` \(GET\): GET answered 501\./);
    assert.equal(mdCell('a|b\nc'), 'a\\|b c');
  });
});
