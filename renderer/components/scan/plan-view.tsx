/** The dry run: every request the scan would send, every one it would not and why. Nothing is sent. */
import type { ScanPlan } from '../../../app/contract/run-ops';

/** Credentials resolved from a collection are shown as set, never printed. */
const SENSITIVE = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;

export function ProblemList({ problems }: { problems: ScanPlan['problems'] }) {
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="group" aria-label="Targets that could not be planned">
      <p>
        {problems.length === 1
          ? 'One request could not be scanned:'
          : `${problems.length} requests could not be scanned:`}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.source}:${p.message}`}>
            <code>{p.source}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PlanView({ plan }: { plan: ScanPlan }) {
  const { totals, limits } = plan;
  return (
    <section aria-label="Scan plan" className="scan-plan">
      <p>
        <strong>
          {totals.toSend} request{totals.toSend === 1 ? '' : 's'} will be sent
        </strong>
        , {totals.skipped} not sent, to {plan.targets.length} target{plan.targets.length === 1 ? '' : 's'}: at
        most {limits.concurrency} at once, {limits.ratePerSecond} per second, each given up after{' '}
        {limits.timeoutMs / 1000} s. Every request goes without a body.
      </p>
      <ProblemList problems={plan.problems} />
      {plan.targets.map((t) => (
        <div key={`${t.source ?? ''} ${t.url}`} className="plan-target">
          <h3>
            <span className="mono wrap">{t.url}</span>
            {t.label !== t.url && <span className="hint"> — {t.label}</span>}
          </h3>
          {t.headers.length > 0 && (
            <p className="hint mono">
              {t.headers.map(([n, v]) => `${n}: ${SENSITIVE.test(n) ? '(set, hidden here)' : v}`).join(' · ')}
            </p>
          )}
          <table className="headers-table" aria-label={`Plan for ${t.label}`}>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col">Group</th>
                <th scope="col">Safety</th>
                <th scope="col">Sent?</th>
              </tr>
            </thead>
            <tbody>
              {t.cells.map((c) => (
                <tr key={c.method} className={c.send ? undefined : 'not-sent'}>
                  <td className="mono">{c.method}</td>
                  <td>{c.set}</td>
                  <td>{c.safety}</td>
                  <td>{c.send ? 'sent' : `not sent: ${c.skipReason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
