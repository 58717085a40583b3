/**
 * What a scan is aimed at: URLs the user typed, or every request of a collection folder (its URL and
 * headers resolved with the environment: auth included, body dropped, since every method is sent bare).
 */
import { assertNever, fail, ok, type Result } from '../common/result';
import type { HeaderPair } from '../contract/exchange';
import type { ScanPlan, ScanTarget } from '../contract/run-ops';
import { collectRunnable, type SecretSource } from '../runner/collect';

export interface TargetInput {
  url: string;
  label: string;
  source?: string;
  headers: HeaderPair[];
  /** The user named this URL: the only kind of target unsafe methods may be sent to. */
  named: boolean;
}

export interface ResolvedTargets {
  targets: TargetInput[];
  problems: ScanPlan['problems'];
}

/** Headers that describe a body; the scan sends none, so they would lie. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);

function checkUrl(url: string): Result<string> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return fail('scan.invalid-url', `${url} is not an http(s) URL.`);
    return ok(url);
  } catch {
    return fail(
      'scan.invalid-url',
      `"${url}" is not an absolute URL (it needs a scheme and host, e.g. http://127.0.0.1:8080/).`,
    );
  }
}

export async function resolveScanTargets(
  target: ScanTarget,
  headers: readonly HeaderPair[],
  deps: { env?: Readonly<Record<string, string | undefined>>; secrets?: SecretSource } = {},
): Promise<Result<ResolvedTargets>> {
  switch (target.kind) {
    case 'urls': {
      const targets: TargetInput[] = [];
      for (const url of target.urls) {
        const checked = checkUrl(url);
        if (!checked.ok) return checked;
        targets.push({ url, label: url, headers: [...headers], named: true });
      }
      return ok({ targets, problems: [] });
    }
    case 'collection': {
      const runnable = await collectRunnable({
        root: target.root,
        relPath: target.relPath,
        ...(target.environment === undefined ? {} : { environment: target.environment }),
        ...(deps.env ? { env: deps.env } : {}),
        ...(deps.secrets ? { secrets: deps.secrets } : {}),
      });
      if (!runnable.ok) return runnable;
      const targets: TargetInput[] = [];
      const problems: ScanPlan['problems'] = [];
      for (const item of runnable.value.items) {
        if (!item.resolved.ok) {
          problems.push({ source: item.path, message: item.resolved.error.message });
          continue;
        }
        const spec = item.resolved.value.spec;
        const checked = checkUrl(spec.url);
        if (!checked.ok) {
          problems.push({ source: item.path, message: checked.error.message });
          continue;
        }
        if (item.resolved.value.pendingAuth) {
          problems.push({
            source: item.path,
            message: `${item.resolved.value.pendingAuth.type} auth needs a round trip the scan does not make; the cells go without it.`,
          });
        }
        const own = spec.headers.filter(([n]) => !BODY_HEADERS.has(n.toLowerCase()));
        targets.push({
          url: spec.url,
          label: item.name,
          source: item.path,
          headers: [...own, ...headers],
          named: false,
        });
      }
      return ok({ targets, problems });
    }
    default:
      return assertNever(target, 'scan target');
  }
}
