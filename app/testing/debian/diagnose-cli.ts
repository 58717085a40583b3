/**
 * Runs `statuscope diagnose --json …` through the real CLI entry (runCli) with captured output, and parses
 * the document it prints from `unknown` (zod): what a user's script would read.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { z } from 'zod';
import { runCli } from '../../cli/main';
import type { CliIo } from '../../cli/command';
import { CAUSE_IDS, type CauseId } from '../../contract/collection';

const findingSchema = z.object({
  cause: z.enum(CAUSE_IDS),
  confidence: z.enum(['high', 'medium', 'low']),
  score: z.number(),
  summary: z.string(),
  evidence: z.array(z.object({ observed: z.string(), inference: z.string(), source: z.string() })),
});

// Loose objects: the document carries much more (raw bytes, timings, next steps); only this is read here.
const responseSchema = z.looseObject({
  status: z.number(),
  headers: z.array(z.tuple([z.string(), z.string()])),
});

export const diagnoseDocumentSchema = z.looseObject({
  exchange: z.looseObject({
    request: z.looseObject({ method: z.string() }),
    hops: z.array(z.looseObject({ response: responseSchema.optional() })),
  }),
  explanation: z.looseObject({ status: z.looseObject({ code: z.number() }) }),
  findings: z.array(findingSchema),
  probes: z.array(
    z.looseObject({
      id: z.string(),
      request: z.looseObject({ method: z.string() }),
      response: z.looseObject({ status: z.number() }).nullable(),
    }),
  ),
});

export type DiagnoseDocument = z.infer<typeof diagnoseDocumentSchema>;
export type DiagnoseFinding = z.infer<typeof findingSchema>;

export interface DiagnoseRun {
  code: number;
  stdout: string;
  stderr: string;
  doc: DiagnoseDocument;
}

/** `statuscope diagnose --json ARGS…`; throws (failing the test) when the CLI fails or prints no document. */
export async function diagnoseJson(args: string[]): Promise<DiagnoseRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-live-cli-'));
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { ...process.env, STATUSCOPE_DATA_DIR: dataDir },
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  try {
    const code = await runCli(['diagnose', '--json', ...args], io);
    if (code !== 0) throw new Error(`statuscope diagnose exited ${code}: ${stderr}`);
    const parsed: unknown = JSON.parse(stdout);
    return { code, stdout, stderr, doc: diagnoseDocumentSchema.parse(parsed) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Writes raw request bytes to a temp file for `--raw FILE`; returns the path and a cleanup. */
export async function rawRequestFile(bytes: string): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'statuscope-live-raw-'));
  const path = join(dir, 'request.http');
  await writeFile(path, Buffer.from(bytes, 'latin1'));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The final response's status and headers, as the exchange recorded them. */
export function finalResponse(
  doc: DiagnoseDocument,
): { status: number; headers: Array<[string, string]> } | undefined {
  return doc.exchange.hops.at(-1)?.response;
}

/** The first value of a response header, case-insensitively. */
export function responseHeader(doc: DiagnoseDocument, name: string): string | undefined {
  return finalResponse(doc)?.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** One line per finding, for assertion messages: `cause (confidence, score): summary`. */
export function describeFindings(doc: DiagnoseDocument): string {
  return doc.findings.map((f) => `${f.cause} (${f.confidence}, ${f.score}): ${f.summary}`).join('\n');
}

/** The top finding names `cause`; the message lists every finding so a failure shows what was said. */
export function assertTopCause(doc: DiagnoseDocument, cause: CauseId): DiagnoseFinding {
  const top = doc.findings[0];
  assert.ok(top, `expected a finding "${cause}", got none (status ${finalResponse(doc)?.status ?? 'none'})`);
  assert.equal(
    top.cause,
    cause,
    `top cause is "${top.cause}", expected "${cause}"; findings:\n${describeFindings(doc)}`,
  );
  return top;
}

/** No finding at all names `cause` (e.g. a relayed 501 must not be blamed on the proxy). */
export function assertNoFinding(doc: DiagnoseDocument, cause: CauseId): void {
  const named = doc.findings.filter((f) => f.cause === cause);
  assert.equal(named.length, 0, `no finding should say "${cause}"; findings:\n${describeFindings(doc)}`);
}

/** Prints what the diagnosis said into the test report (`# …` lines), pass or fail. */
export function noteFindings(t: TestContext, doc: DiagnoseDocument): void {
  t.diagnostic(`status ${doc.explanation.status.code}; findings:${doc.findings.length === 0 ? ' none' : ''}`);
  for (const f of doc.findings) t.diagnostic(`  ${f.cause} (${f.confidence}, ${f.score})`);
}

/**
 * Sends `requestText` byte-exact (`diagnose --raw`) to a proxy that refuses its Transfer-Encoding, and
 * checks what the corpus labels that situation: proxy-originated first, protocol-feature named too, and
 * the origin never saw a request with that coding.
 */
export async function assertProxyRefusesTransferCoding(
  t: TestContext,
  url: string,
  requestText: string,
  originRequests: ReadonlyArray<{ head: string }>,
): Promise<DiagnoseDocument> {
  const raw = await rawRequestFile(requestText);
  t.after(() => raw.remove());
  const { doc } = await diagnoseJson(['--timeout', '5000', '--raw', raw.path, url]);
  noteFindings(t, doc);
  assert.equal(doc.explanation.status.code, 501);
  assertTopCause(doc, 'proxy-originated');
  assert.ok(
    doc.findings.some((f) => f.cause === 'protocol-feature'),
    'the refused transfer coding is named as well',
  );
  assert.deepEqual(
    originRequests.filter((r) => /\r\ntransfer-encoding:\s*foo/i.test(r.head)),
    [],
  );
  return doc;
}
