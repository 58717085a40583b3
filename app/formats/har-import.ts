/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) → Statuscope: one request per entry,
 * method case and header order as recorded, bodies from `postData.text` (byte-exact) or `params`.
 * Entries from several hosts are grouped in a folder per host. Also accepts a bare HAR request object
 * (what httpsnippet and many tools pass around).
 */
import { fail, ok, type Result } from '../common/result';
import type { HeaderRow } from '../contract/collection';
import type { RequestBody } from '../contract/exchange';
import { bodyFromText } from './body';
import { dynamicVariables, joinPath, makeCollection, makeRequest, Warnings } from './build';
import { asArray, asRecord, asText, head, isRecord, parseStructured, tryParse } from './structured';
import type { ImportedItem, Importer, ImportResult } from './types';

function isHarRequest(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.method === 'string' &&
    typeof value.url === 'string' &&
    Array.isArray(value.headers)
  );
}

function detect(text: string): number {
  const doc = tryParse(text);
  if (doc === undefined) return /"log"\s*:\s*\{/.test(head(text)) && /"entries"/.test(head(text)) ? 0.9 : 0;
  if (!isRecord(doc)) return 0;
  if (isRecord(doc.log) && Array.isArray(doc.log.entries)) return 1;
  if (isHarRequest(doc)) return 0.5;
  return 0;
}

interface Dropped {
  pseudo: boolean;
  contentLength: boolean;
  host: boolean;
  boundary: boolean;
}

function headersOf(request: Record<string, unknown>, url: URL | undefined, dropped: Dropped): HeaderRow[] {
  const rows: HeaderRow[] = [];
  for (const h of asArray(request.headers).filter(isRecord)) {
    const name = asText(h.name);
    const value = asText(h.value);
    if (name.startsWith(':')) {
      dropped.pseudo = true; // HTTP/2 pseudo-headers restate the method and URL (RFC 9113 §8.3.1).
      continue;
    }
    if (name.toLowerCase() === 'content-length') {
      dropped.contentLength = true; // the engine computes it from the body it sends
      continue;
    }
    if (name.toLowerCase() === 'host' && url && value.toLowerCase() === url.host.toLowerCase()) {
      dropped.host = true; // the engine derives the same Host from the URL
      continue;
    }
    rows.push({ name, value, enabled: true });
  }
  const cookies = asArray(request.cookies).filter(isRecord);
  if (cookies.length && !rows.some((h) => h.name.toLowerCase() === 'cookie')) {
    rows.push({
      name: 'Cookie',
      value: cookies.map((c) => `${asText(c.name)}=${asText(c.value)}`).join('; '),
      enabled: true,
    });
  }
  return rows;
}

function bodyOf(
  request: Record<string, unknown>,
  headers: HeaderRow[],
  where: string,
  warnings: Warnings,
  dropped: Dropped,
): { body: RequestBody; headers: HeaderRow[] } {
  const postData = request.postData;
  if (!isRecord(postData)) return { body: { kind: 'none' }, headers };
  const mimeType = asText(postData.mimeType);
  const media = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const params = asArray(postData.params).filter(isRecord);
  const text = typeof postData.text === 'string' ? postData.text : undefined;
  if (media === 'multipart/form-data' && params.length) {
    // Parts let the engine write its own boundary, so the recorded Content-Type (old boundary) must go.
    const parts: Extract<RequestBody, { kind: 'multipart' }>['parts'] = params.map((p) => {
      if (typeof p.fileName === 'string') {
        warnings.add(
          where,
          `multipart file part "${asText(p.name)}" (${p.fileName}): a HAR does not hold the file; choose it before sending`,
        );
        return {
          kind: 'file',
          name: asText(p.name),
          path: p.fileName,
          ...(typeof p.contentType === 'string' ? { contentType: p.contentType } : {}),
        };
      }
      return { kind: 'field', name: asText(p.name), value: asText(p.value) };
    });
    dropped.boundary ||= headers.some((h) => h.name.toLowerCase() === 'content-type');
    return {
      body: { kind: 'multipart', parts },
      headers: headers.filter((h) => h.name.toLowerCase() !== 'content-type'),
    };
  }
  if (text !== undefined && text !== '') {
    const headerType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    const mediaType = (headerType ?? mimeType).split(';')[0]?.trim().toLowerCase();
    return { body: bodyFromText(text, mediaType, headerType ? undefined : mimeType || undefined), headers };
  }
  if (media === 'application/x-www-form-urlencoded' && params.length) {
    return {
      body: {
        kind: 'urlencoded',
        fields: params.map((p) => ({ name: asText(p.name), value: asText(p.value) })),
      },
      headers,
    };
  }
  return { body: { kind: 'none' }, headers };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function entryName(method: string, url: URL | undefined, raw: string): string {
  const target = url ? `${url.pathname}${url.search}` : raw;
  const name = `${method} ${target}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

async function importHar(text: string): Promise<Result<ImportResult>> {
  const parsed = parseStructured(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const single = isHarRequest(doc);
  if (!single && !(isRecord(doc) && isRecord(doc.log) && Array.isArray(doc.log.entries))) {
    return fail('import.invalid', 'Not a valid HAR file: at log.entries: expected an array.', {
      detail: { where: 'log.entries' },
    });
  }
  const entries = single ? [{ request: doc }] : asArray(asRecord(asRecord(doc).log).entries);
  const warnings = new Warnings();
  const dropped: Dropped = { pseudo: false, contentLength: false, host: false, boundary: false };
  const byHost = new Map<string, ImportedItem[]>();
  const hosts = new Set(
    entries.map((e) => parseUrl(asText(asRecord(asRecord(e).request).url))?.host ?? '(no host)'),
  );
  for (const [index, entryValue] of entries.entries()) {
    const entry = asRecord(entryValue);
    const request = entry.request;
    if (!isRecord(request) || typeof request.method !== 'string' || typeof request.url !== 'string') {
      return fail(
        'import.invalid',
        `Not a valid HAR file: at log.entries[${index}].request: expected an object with method and url.`,
        { detail: { where: `log.entries[${index}].request` } },
      );
    }
    const url = parseUrl(request.url);
    const name = entryName(request.method, url, request.url);
    const host = url?.host ?? '(no host)';
    const where = hosts.size > 1 ? joinPath([host], name) : name;
    const { body, headers } = bodyOf(request, headersOf(request, url, dropped), where, warnings, dropped);
    if (request.url === '') warnings.add(where, 'the entry has no URL; set one before sending');
    const response = asRecord(entry.response);
    const notes = [
      typeof entry.startedDateTime === 'string' ? `Recorded ${entry.startedDateTime}` : '',
      typeof response.status === 'number' && response.status > 0
        ? `answered ${response.status} ${asText(response.statusText)}`.trim()
        : '',
    ].filter(Boolean);
    const http2 = /^(h2|http\/2)/i.test(asText(request.httpVersion));
    const saved = makeRequest({
      name,
      method: request.method,
      url: request.url,
      headers,
      body,
      ...(http2 ? { options: { http2: true } } : {}),
      notes: [notes.join(', '), asText(request.comment)].filter(Boolean).join('\n\n'),
    });
    const dynamic = dynamicVariables([saved.url]);
    if (dynamic.length)
      warnings.add(
        where,
        `the URL contains ${dynamic.join(', ')} in braces, which Statuscope reads as a variable`,
      );
    byHost.set(host, [...(byHost.get(host) ?? []), { kind: 'request', request: saved }]);
  }
  const creator = asRecord(asRecord(asRecord(doc).log).creator);
  const name = single ? 'HAR request' : `HAR${creator.name ? ` from ${asText(creator.name)}` : ''}`;
  const reasons = [
    dropped.contentLength ? 'Content-Length (the engine computes it from the body)' : '',
    dropped.pseudo ? 'HTTP/2 pseudo-headers (:method, :path… restate the method and URL)' : '',
    dropped.host ? "Host where it equals the URL's host (the engine sends the same)" : '',
    dropped.boundary
      ? 'the multipart Content-Type of entries imported as parts (the engine writes it with its own boundary)'
      : '',
  ].filter(Boolean);
  if (reasons.length) warnings.add(name, `recorded headers not kept as rows: ${reasons.join('; ')}`);
  const items: ImportedItem[] =
    byHost.size <= 1
      ? [...byHost.values()].flat()
      : [...byHost].map(([host, children]): ImportedItem => ({
          kind: 'folder',
          name: host,
          description: '',
          children,
        }));
  return ok({ collection: makeCollection({ name }), items, environments: [], warnings: warnings.list });
}

export const harImporter: Importer = {
  id: 'har',
  name: 'HAR 1.2',
  detect,
  import: importHar,
};
