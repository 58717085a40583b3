/** The text the `diagnose` command prints: verdict, findings with evidence and next steps, probes. */
import { finalHop } from '../../common/exchange';
import type { DiagnosisReport, Finding, HopDiagram } from '../../contract/diagnosis-ops';

function hopsLine(h: HopDiagram): string {
  return h.hops.map((n) => `${n.authored ? '*' : ''}${n.label}`).join(' -> ');
}

function findingLines(f: Finding, i: number): string[] {
  const lines = [
    `${i + 1}. ${f.cause}  [${f.confidence}, ${f.score.toFixed(2)}]  ${f.ref}`,
    `   ${f.summary}`,
    '   evidence:',
  ];
  for (const e of f.evidence) lines.push(`     - ${e.observed} -> ${e.inference}  [${e.source}]`);
  if (f.settle) lines.push(`   what would settle it: ${f.settle}`);
  if (f.nextSteps.length > 0) {
    lines.push('   next steps:');
    for (const n of f.nextSteps) lines.push(`     * ${n.title}: ${n.detail}`);
  }
  return lines;
}

export function formatDiagnosis(r: DiagnosisReport): string {
  const hop = finalHop(r.exchange);
  const st = r.explanation.status;
  const out: string[] = [];
  out.push(
    `${hop?.method ?? r.exchange.request.method} ${hop?.url ?? r.exchange.request.url} -> ${st.code} ${st.sentReason}`.trimEnd(),
    '',
  );
  out.push(
    `${st.code} ${st.registeredReason ?? '(unregistered)'} (${st.ref ?? 'RFC 9110 §15'}, ${st.statusClass}): ${st.meaning}`,
  );
  out.push(
    `retry: ${st.retry.semantics} - ${st.retry.advice}`,
    `cacheable by default: ${st.cacheableByDefault ? 'yes' : 'no'}`,
  );
  for (const n of st.notes) out.push(`note: ${n}`);
  if (r.explanation.lint.length > 0) {
    out.push('', 'response lint:');
    for (const l of r.explanation.lint) out.push(`  [${l.level}] ${l.message} (${l.ref})`);
  }
  const a = r.explanation.author;
  out.push(
    '',
    `written by: ${a.name} (${a.kind}, ${a.confidence} confidence)`,
    `hops: ${hopsLine(r.explanation.hops)}   (* wrote the response)`,
    `      ${r.explanation.hops.note}`,
  );
  const top = r.findings[0];
  if (top) {
    out.push(
      '',
      `verdict: ${top.cause} (${top.confidence} confidence) - ${top.summary}`,
      '',
      'findings, most likely first:',
    );
    r.findings.forEach((f, i) => out.push(...findingLines(f, i)));
  }
  if (r.probeNote) out.push('', r.probeNote);
  if (r.probes.length > 0 || r.skippedProbes.length > 0) {
    out.push('', `probes (${r.probes.length} sent):`);
    for (const p of r.probes) {
      const result = p.response
        ? `${p.response.status} ${p.response.reason}`.trimEnd()
        : `no response: ${p.error?.code ?? 'failed'}`;
      out.push(
        `  ${p.id}: ${p.request.method} ${p.request.target === '*' ? `* (${p.request.url})` : p.request.url} -> ${result}  (${p.ms} ms)`,
        `      why: ${p.why}`,
      );
    }
    for (const s of r.skippedProbes) out.push(`  skipped ${s.kind}: ${s.why}`);
  }
  return `${out.join('\n')}\n`;
}
