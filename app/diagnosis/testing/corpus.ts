/**
 * The recorded corpus cases copied into app/diagnosis/fixtures (a user's clone has no ../shared), and
 * turning one into an exchange record. Used by the tests, the accuracy script and the replay server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CauseId } from '../../contract/collection';
import type { ExchangeRecord } from '../../contract/exchange';
import { exchangeFromRaw } from '../../engine/raw';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export const CORPUS_LABELS = [
  'proxy-originated-501',
  'method-unsupported-server-wide',
  'endpoint-stub-501',
  'protocol-feature-unsupported',
  'not-501',
] as const;

const caseSchema = z.object({
  case: z.string(),
  group: z.string(),
  role: z.string(),
  path: z.string(),
  kind: z.string().nullable(),
  status: z.number().int(),
  label: z.enum(CORPUS_LABELS),
  secondary: z.string().nullable(),
  why: z.string(),
  requestEncoding: z.enum(['utf8', 'latin1']),
  request: z.string(),
  responseEncoding: z.enum(['utf8', 'latin1']),
  response: z.string(),
  truncated: z.boolean(),
});
export type CorpusCase = z.infer<typeof caseSchema>;

const fileSchema = z.object({ group: z.string(), cases: z.array(caseSchema) });

/** The label's cause id (corpus/README.md, "Labels"); null for not-501. */
export function labelCause(label: CorpusCase['label']): CauseId | null {
  switch (label) {
    case 'proxy-originated-501':
      return 'proxy-originated';
    case 'method-unsupported-server-wide':
      return 'method-unsupported';
    case 'endpoint-stub-501':
      return 'endpoint-stub';
    case 'protocol-feature-unsupported':
      return 'protocol-feature';
    case 'not-501':
      return null;
  }
}

let cache: CorpusCase[] | null = null;

export function loadCorpus(): CorpusCase[] {
  if (cache) return cache;
  const all: CorpusCase[] = [];
  for (const name of readdirSync(FIXTURES_DIR).sort()) {
    if (!/^corpus-.*\.json$/.test(name)) continue;
    const parsed = fileSchema.parse(JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8')));
    all.push(...parsed.cases);
  }
  cache = all;
  return all;
}

export function corpusCase(id: string): CorpusCase {
  const found = loadCorpus().find((c) => c.case === id);
  if (!found) throw new Error(`no corpus case ${id}`);
  return found;
}

export function requestBytes(c: CorpusCase): Buffer {
  return Buffer.from(c.request, c.requestEncoding === 'latin1' ? 'latin1' : 'utf8');
}

export function responseBytes(c: CorpusCase): Buffer {
  return Buffer.from(c.response, c.responseEncoding === 'latin1' ? 'latin1' : 'utf8');
}

/** The request line's target (path and query) of a recorded request. */
export function requestTarget(c: CorpusCase): string {
  const line = c.request.slice(0, c.request.indexOf('\r\n'));
  return line.split(' ')[1] ?? c.path;
}

/** The recorded exchange as a record, addressed at `origin` (default: the host it was recorded on). */
export function exchangeFromCase(c: CorpusCase, origin?: string): ExchangeRecord {
  const host = /\r\nHost: ([^\r\n]+)/i.exec(c.request)?.[1] ?? '127.0.0.1';
  const base = origin ?? `http://${host}`;
  const target = requestTarget(c);
  const url = target.startsWith('/') ? `${base}${target}` : `${base}/`;
  return exchangeFromRaw(requestBytes(c), responseBytes(c), url);
}
