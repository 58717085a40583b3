/**
 * Reading a response body for diagnosis: the text, and the application's own JSON error object when
 * the body is one (error code, message, documentation_url, supported_methods, planned_for_version).
 */
import type { ResponseBody } from '../contract/exchange';

export function bodyText(body: ResponseBody | undefined): string {
  if (!body) return '';
  if (body.previewEncoding === 'utf8') return body.preview;
  // Binary or undecodable: latin1 keeps one char per byte, enough for fingerprint patterns.
  return Buffer.from(body.preview, 'base64').toString('latin1');
}

export interface AppErrorBody {
  /** The machine-readable code the app gave (`not_implemented`, `NotImplemented`, …), if any. */
  code: string | null;
  message: string | null;
  documentationUrl: string | null;
  supportedMethods: string[] | null;
  plannedForVersion: string | null;
  /** True when the code or message says "not implemented". */
  saysNotImplemented: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstString(obj: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = obj[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

function stringList(v: unknown): string[] | null {
  if (Array.isArray(v)) {
    const items = v.filter((x): x is string => typeof x === 'string');
    return items.length > 0 ? items : null;
  }
  if (typeof v === 'string' && v.trim() !== '')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return null;
}

const CODE_KEYS = ['error', 'code', 'error_code', 'errorCode', 'type', 'title', 'status_text'] as const;
const MESSAGE_KEYS = ['message', 'detail', 'error_description', 'description', 'msg', 'reason'] as const;
const DOC_KEYS = [
  'documentation_url',
  'documentationUrl',
  'docs_url',
  'doc_url',
  'documentation',
  'help_url',
  'more_info',
  'link',
  'href',
] as const;
const METHOD_KEYS = [
  'supported_methods',
  'supportedMethods',
  'allowed_methods',
  'allowedMethods',
  'allow',
  'methods',
] as const;
const VERSION_KEYS = [
  'planned_for_version',
  'plannedForVersion',
  'available_in',
  'availableIn',
  'planned_version',
  'since_version',
] as const;

const NOT_IMPLEMENTED = /not[\s_-]?implemented|notimplemented|unimplemented/i;

/**
 * Parses a JSON error object. Nested `{"error": {"code": …, "message": …}}` (Google/Microsoft style)
 * is read too. Returns null for anything that is not a JSON object with an error-ish field.
 */
export function parseAppError(text: string, mediaType: string): AppErrorBody | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !/json/i.test(mediaType)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const inner = isRecord(parsed['error']) ? parsed['error'] : parsed;
  const code = firstString(inner, CODE_KEYS);
  const message =
    firstString(inner, MESSAGE_KEYS) ?? (inner === parsed ? null : firstString(parsed, MESSAGE_KEYS));
  if (code === null && message === null) return null;
  const docRaw = firstString(inner, DOC_KEYS) ?? firstString(parsed, DOC_KEYS);
  const documentationUrl = docRaw !== null && /^https?:\/\//i.test(docRaw) ? docRaw : null;
  let supportedMethods: string[] | null = null;
  for (const k of METHOD_KEYS) supportedMethods ??= stringList(inner[k]) ?? stringList(parsed[k]);
  return {
    code,
    message,
    documentationUrl,
    supportedMethods,
    plannedForVersion: firstString(inner, VERSION_KEYS) ?? firstString(parsed, VERSION_KEYS),
    saysNotImplemented: NOT_IMPLEMENTED.test(code ?? '') || NOT_IMPLEMENTED.test(message ?? ''),
  };
}

/** HTML → visible text, for phrase matching in error pages. */
export function visibleText(text: string): string {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Signs a body is a static file served from disk by the web server itself (RFC 9110 §8.8). */
export function looksLikeStaticFile(headers: readonly (readonly [string, string])[]): boolean {
  const has = (n: string) => headers.some(([k]) => k.toLowerCase() === n);
  const acceptRanges = headers.some(([k, v]) => k.toLowerCase() === 'accept-ranges' && /bytes/i.test(v));
  return has('last-modified') && (has('etag') || acceptRanges);
}
