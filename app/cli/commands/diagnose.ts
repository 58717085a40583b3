/**
 * `statuscope diagnose`: sends a request, then explains the response; for a 501, names the cause with
 * evidence and next steps, confirmed by probes (each shown with why it was sent and what came back).
 * Goes through the service (exchange:send, diagnosis:run) like the app does.
 */
import { parseArgs } from 'node:util';
import { newId } from '../../common/ids';
import type { DiagnosisReport, OriginalRequest, ProbeRecord } from '../../contract/diagnosis-ops';
import type { ExchangeRecord } from '../../contract/exchange';
import type { CliCommand, CliIo } from '../command';
import { cliCall } from '../host';
import { buildRequest, requestOptionSpec, UsageError } from '../request-args';
import { formatDiagnosis } from './diagnose-format';

const HELP = `Usage:
  statuscope diagnose [--no-probe] [--allow-unsafe-probes] [--timeout MS] [-H 'Name: value']... [-d DATA] [--json] METHOD URL
  statuscope diagnose [--no-probe] [--allow-unsafe-probes] [--timeout MS] [--json] --raw FILE URL

Sends the request, then explains the status it gets: meaning, RFC section, retry semantics, and what
the response should carry but does not. For 501 Not Implemented it names the cause (proxy-originated,
method-unsupported, endpoint-stub, protocol-feature, served-from-cache, method-spelling,
misused-501) with evidence ("observed -> inference") and next steps, ranked by confidence.

Probes: a few requests that confirm the cause (a control GET of the same URL, OPTIONS on the URL and
on *, Max-Forwards: 0, the method on a random sibling path, a retry without the suspect protocol
feature, the method upper-cased, a cache-bypassing retry). Methods that are not safe are only sent
again with --allow-unsafe-probes. Probes never follow redirects and stay on the target's origin.

Options:
  -H, --header 'Name: value'  add a header (repeatable)
  -d, --data DATA             send DATA as the body
      --raw FILE              send FILE's bytes exactly; probes are derived from them and sent raw too
      --timeout MS            bound the request, and each probe
      --no-probe              passive diagnosis only: send nothing but the request itself
      --allow-unsafe-probes   allow probes that repeat a non-safe method (POST, PUT, DELETE, unknown ones)
      --json                  print { exchange, explanation, findings, probes } as JSON
  -k, --insecure              do not verify TLS certificates
  -h, --help                  show this help

Exit status: 0 when a response was diagnosed (whatever its status), 1 on a transport failure,
2 on a usage error.

Examples:
  statuscope diagnose PROPFIND http://127.0.0.1:8080/dav/
  statuscope diagnose --allow-unsafe-probes PATCH http://127.0.0.1:8080/api/users/42 -d '{"name":"Ada"}'
  statuscope diagnose --no-probe --json GET http://127.0.0.1:8080/api/v2/refunds
  statuscope diagnose --raw te-foo.txt http://127.0.0.1:8080/`;

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: 'send a request and explain its status; for a 501, name the cause with evidence and probes',
  help: HELP,
  run: (args, io) => runDiagnose(args, io),
};

const options = {
  ...requestOptionSpec,
  'no-probe': { type: 'boolean' },
  'allow-unsafe-probes': { type: 'boolean' },
} as const;

const DEFAULT_PROBE_TIMEOUT = 5000;

function jsonDocument(report: DiagnosisReport) {
  const { status, lint, author, hops, reportText } = report.explanation;
  return {
    exchange: report.exchange,
    explanation: { status, lint, author, hops, reportText },
    findings: report.findings.map((f) => ({
      cause: f.cause,
      confidence: f.confidence,
      score: f.score,
      summary: f.summary,
      ref: f.ref,
      evidence: f.evidence.map((e) => ({ observed: e.observed, inference: e.inference, source: e.source })),
      nextSteps: f.nextSteps.map((n) => ({
        title: n.title,
        detail: n.detail,
        ...(n.action ? { action: n.action } : {}),
      })),
      ...(f.settle !== undefined ? { settle: f.settle } : {}),
    })),
    probes: report.probes.map((p: ProbeRecord) => ({
      id: p.id,
      why: p.why,
      request: p.request,
      response: p.response,
      error: p.error,
      ms: p.ms,
      rawRequest: p.rawRequest,
      rawResponse: p.rawResponse,
    })),
    skippedProbes: report.skippedProbes,
    probeNote: report.probeNote,
  };
}

async function runDiagnose(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(
      `statuscope diagnose: ${e instanceof Error ? e.message : String(e)}\nSee \`statuscope diagnose --help\`.\n`,
    );
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  let built;
  try {
    built = await buildRequest(v, parsed.positionals);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`statuscope diagnose: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const exchangeId = newId('ex');
  const onAbort = () => void cliCall(io, 'exchange:cancel', { exchangeId });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const sent =
    built.kind === 'raw'
      ? await cliCall(io, 'exchange:send-raw', { exchangeId, request: built.raw })
      : await cliCall(io, 'exchange:send', { exchangeId, request: built.spec });
  io.signal.removeEventListener('abort', onAbort);
  if (!sent.ok) {
    const partial =
      'exchange' in sent.error ? (sent.error.exchange as ExchangeRecord | undefined) : undefined;
    if (v.json)
      io.stdout(
        `${JSON.stringify({ error: { code: sent.error.code, message: sent.error.message, phase: sent.error.phase }, exchange: partial }, null, 2)}\n`,
      );
    io.stderr(
      `error ${sent.error.code}${sent.error.phase ? ` (${sent.error.phase})` : ''}: ${sent.error.message}\n`,
    );
    return 1;
  }
  const original: OriginalRequest =
    built.kind === 'raw' ? { kind: 'raw', request: built.raw } : { kind: 'spec', request: built.spec };
  const timeout = v.timeout !== undefined ? Math.min(Number(v.timeout), 60_000) : DEFAULT_PROBE_TIMEOUT;
  const diagnosisId = newId('dg');
  const report = await cliCall(io, 'diagnosis:run', {
    diagnosisId,
    exchange: sent.value,
    original,
    probes: {
      enabled: v['no-probe'] !== true,
      allowUnsafe: v['allow-unsafe-probes'] === true,
      timeoutMs: Math.max(100, timeout),
    },
  });
  if (!report.ok) {
    io.stderr(`error ${report.error.code}: ${report.error.message}\n`);
    return 1;
  }
  io.stdout(
    v.json ? `${JSON.stringify(jsonDocument(report.value), null, 2)}\n` : formatDiagnosis(report.value),
  );
  return 0;
}
