/**
 * The plain-text report a user sends to the API owner (the `copy-report` action): the verdict, the
 * findings with evidence, the probes, and the raw exchange, so the owner can reproduce it.
 */
import { finalHop } from '../common/exchange';
import type { Finding, ProbeRecord, StatusExplanation } from '../contract/diagnosis-ops';
import type { ExchangeRecord } from '../contract/exchange';
import { bodyText } from './body';

const BODY_LIMIT = 4096;

function rawExchange(exchange: ExchangeRecord): string {
  const hop = finalHop(exchange);
  if (!hop) return '(no exchange recorded)';
  const request = hop.requestHead.replace(/\r\n/g, '\n').trimEnd();
  const reqBody = hop.requestBodyBytes > 0 ? `\n\n(${hop.requestBodyBytes} bytes of request body)` : '';
  const response = hop.response;
  let responseText = '(no response)';
  if (response) {
    const body = bodyText(response.body);
    const shown =
      body.length > BODY_LIMIT
        ? `${body.slice(0, BODY_LIMIT)}\n… (${response.body.decodedBytes} bytes in all)`
        : body;
    responseText = `${response.rawHead.replace(/\r\n/g, '\n').trimEnd()}\n\n${shown}`.trimEnd();
  }
  return `--- request (as sent) ---\n${request}${reqBody}\n\n--- response (as received) ---\n${responseText}`;
}

export function buildReport(
  exchange: ExchangeRecord,
  status: StatusExplanation,
  findings: readonly Finding[],
  probes: readonly ProbeRecord[] = [],
): string {
  const lines: string[] = [];
  const hop = finalHop(exchange);
  lines.push('HTTP diagnosis report (Statuscope)', '');
  lines.push(`Request:  ${hop?.method ?? exchange.request.method} ${hop?.url ?? exchange.request.url}`);
  lines.push(`Response: ${status.code} ${status.sentReason}`.trimEnd());
  lines.push(`Sent at:  ${exchange.startedAt}`);
  lines.push('', `${status.code} means: ${status.meaning} (${status.ref ?? 'RFC 9110 §15'})`);
  const top = findings[0];
  if (top) {
    lines.push('', `Most likely cause: ${top.cause} (${top.confidence} confidence)`, `  ${top.summary}`);
    lines.push('', 'Findings, most likely first:');
    findings.forEach((f, i) => {
      lines.push(`${i + 1}. [${f.confidence}] ${f.cause}: ${f.summary} (${f.ref})`);
      for (const e of f.evidence) lines.push(`   - ${e.observed} -> ${e.inference} [${e.source}]`);
      if (f.settle) lines.push(`   What would settle it: ${f.settle}`);
    });
  }
  if (probes.length > 0) {
    lines.push('', 'Probes sent to confirm:');
    for (const p of probes) {
      const result = p.response
        ? `${p.response.status} ${p.response.reason}`.trimEnd()
        : `no response (${p.error?.message ?? 'failed'})`;
      lines.push(`- ${p.id}: ${p.request.method} ${p.request.url} -> ${result}  (${p.why})`);
    }
  }
  lines.push('', rawExchange(exchange), '');
  return lines.join('\n');
}
