/** Concurrency and rate for anything that sends many requests (scan, audit): bounded on both ends. */
interface Props {
  /** Prefix for the inputs' accessible names, e.g. "Audit" → "Audit concurrency"; empty for none. */
  label: string;
  concurrency: number;
  ratePerSecond: number;
  onChange(next: { concurrency?: number; ratePerSecond?: number }): void;
}

export function PaceFields({ label, concurrency, ratePerSecond, onChange }: Props) {
  const name = (what: string) => (label ? `${label} ${what.toLowerCase()}` : what);
  return (
    <fieldset className="inline">
      <legend>Pace</legend>
      <label>
        Concurrency
        <input
          type="number"
          aria-label={name('Concurrency')}
          min={1}
          max={32}
          value={concurrency}
          onChange={(e) => onChange({ concurrency: Math.min(32, Math.max(1, Number(e.target.value) || 1)) })}
        />
      </label>
      <label>
        Requests per second
        <input
          type="number"
          aria-label={name('Requests per second')}
          min={0.1}
          max={1000}
          step="any"
          value={ratePerSecond}
          onChange={(e) =>
            onChange({ ratePerSecond: Math.min(1000, Math.max(0.1, Number(e.target.value) || 1)) })
          }
        />
      </label>
    </fieldset>
  );
}
