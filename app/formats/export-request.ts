/**
 * One request as code: curl (our own, exact), and every target httpsnippet 3.0.10 knows (fetch, Python
 * requests, Go, …). httpsnippet is given the request as the engine sends it (har-request.ts); where a
 * generator cannot keep something exact — it upper-cases the method, sorts or merges headers, rewrites
 * the query — the result says so in `caveats` instead of hiding it.
 */
import {
  availableTargets,
  HTTPSnippet,
  type HarRequest as SnippetHarRequest,
  type TargetId,
} from 'httpsnippet';
import { fail, messageOf, ok, type Result } from '../common/result';
import type { RequestSpec } from '../contract/exchange';
import { curlCommand } from './curl-export';
import { harRequest } from './har-request';

export interface SnippetTarget {
  /** httpsnippet's target id (`shell`, `javascript`, `python`, `go`, …). */
  target: string;
  /** httpsnippet's client id (`curl`, `fetch`, `requests`, `native`, …); the target's default when absent. */
  client?: string;
}

export interface Snippet {
  target: string;
  client: string;
  code: string;
  /** What this generator could not keep exact, in words for the user. */
  caveats: string[];
}

export interface SnippetTargetInfo {
  target: string;
  title: string;
  clients: { client: string; title: string }[];
  defaultClient: string;
}

/** httpsnippet's generators that sort headers by name (read from their sources, 3.0.10). */
const SORTS_HEADERS = new Set(['shell/httpie', 'php/curl', 'php/guzzle']);

/**
 * The target's default client. httpsnippet 3.0.10 names `1.1` as the `http` target's default while the
 * client is keyed `http1.1`; a default that is not one of the clients falls back to the first client.
 */
function defaultClient(t: { default: string; clients: { key: string }[] }): string {
  return t.clients.some((c) => c.key === t.default) ? t.default : (t.clients[0]?.key ?? t.default);
}

export function snippetTargets(): SnippetTargetInfo[] {
  return availableTargets().map((t) => ({
    target: t.key,
    title: t.title,
    defaultClient: defaultClient(t),
    clients: t.clients.map((c) => ({ client: c.key, title: c.title })),
  }));
}

function resolveTarget(target: SnippetTarget): Result<{ target: TargetId; client: string }> {
  const info = availableTargets().find((t) => t.key === target.target);
  if (!info) {
    return fail(
      'export.unknown-target',
      `Unknown snippet target "${target.target}". Known: ${availableTargets()
        .map((t) => t.key)
        .join(', ')}.`,
    );
  }
  const client = target.client ?? defaultClient(info);
  if (!info.clients.some((c) => c.key === client)) {
    return fail(
      'export.unknown-target',
      `Target "${info.key}" has no client "${client}". Its clients: ${info.clients.map((c) => c.key).join(', ')}.`,
    );
  }
  return ok({ target: info.key, client });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Puts the method's own case back where a generator quoted it upper-cased ("PATCH" → "patch"). */
function keepMethodCase(code: string, method: string): { code: string; kept: boolean } {
  const upper = method.toUpperCase();
  let out = code;
  if (upper !== method)
    out = out.replace(
      new RegExp(`(["'\`])${escapeRegExp(upper)}\\1`, 'g'),
      (_m, q: string) => `${q}${method}${q}`,
    );
  const kept = new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(method)}($|[^A-Za-z0-9_-])`).test(
    out.replace(/https?:\/\/\S+/g, ''),
  );
  return { code: out, kept };
}

export function exportRequest(spec: RequestSpec, target: SnippetTarget): Result<Snippet> {
  const resolved = resolveTarget(target);
  if (!resolved.ok) return resolved;
  const { target: targetId, client } = resolved.value;
  if (targetId === 'shell' && client === 'curl')
    return ok({ target: targetId, client, code: curlCommand(spec), caveats: [] });

  const har = harRequest(spec);
  const caveats: string[] = [];
  if (spec.body.kind === 'file')
    caveats.push(
      `the body is the file ${spec.body.path}; this snippet sends an empty body, read the file in yourself`,
    );
  if (spec.body.kind === 'binary')
    caveats.push('the binary body is written as a latin1 string; check the generator keeps every byte');
  const names = har.headers.map((h) => h.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length)
    caveats.push(
      `repeated header${repeated.length > 1 ? 's' : ''} ${[...new Set(repeated)].join(', ')}: this generator keeps only the last value`,
    );
  if (SORTS_HEADERS.has(`${targetId}/${client}`) && names.length > 1)
    caveats.push('this generator sorts headers by name; the request sends them in the order listed');
  let snippet: HTTPSnippet;
  try {
    // HarRequest (ours) is structurally the HAR 1.2 request httpsnippet validates; it rejects bad input by skipping it.
    const input: SnippetHarRequest = {
      ...har,
      postData: har.postData ?? { mimeType: 'application/octet-stream' },
    };
    snippet = new HTTPSnippet(input);
  } catch (thrown) {
    return fail('export.failed', `httpsnippet could not read the request: ${messageOf(thrown)}`);
  }
  const prepared = snippet.requests[0];
  if (!prepared)
    return fail(
      'export.failed',
      'httpsnippet rejected the request (it is not a valid HAR request: check the URL and header names).',
    );
  if (prepared.fullUrl !== spec.url) caveats.push(`this generator rewrites the URL as ${prepared.fullUrl}`);
  let code: string;
  try {
    const out = snippet.convert(targetId, client);
    if (out === false) return fail('export.failed', `httpsnippet has no target "${targetId}".`);
    code = Array.isArray(out) ? out.join('\n') : out;
  } catch (thrown) {
    return fail('export.failed', `httpsnippet failed for ${targetId}/${client}: ${messageOf(thrown)}`);
  }
  const method = keepMethodCase(code, spec.method);
  if (!method.kept)
    caveats.push(
      `this generator does not write the method as "${spec.method}"; methods are case-sensitive (RFC 9110 §9.1), so edit the snippet if the exact case matters`,
    );
  return ok({ target: targetId, client, code: method.code, caveats });
}
