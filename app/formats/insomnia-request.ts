/**
 * One Insomnia request (v4 resource or v5 item: the fields are the same) → SavedRequest, plus the
 * template conversion both versions share: Nunjucks `{{ _.name }}` → `{{name}}`; `{% tag %}` stays text.
 */
import type { Auth, HeaderRow, SavedRequest } from '../contract/collection';
import type { RequestBody, RequestOptionsInput } from '../contract/exchange';
import { bodyFromText } from './body';
import { makeRequest, mediaTypeOf, withDefaultScheme, type Warnings } from './build';
import { asArray, asRecord, asText, isRecord } from './structured';

/** Collects the template tags and filters met while converting one item, reported once per item. */
export class TemplateScan {
  readonly tags = new Set<string>();
  constructor(private readonly where: string) {}

  convert(text: string): string {
    for (const m of text.matchAll(/\{%\s*([A-Za-z_][\w]*)/g)) if (m[1]) this.tags.add(m[1]);
    return text.replace(
      /\{\{\s*(?:_\.)?([A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[\d+\])*)\s*(\|[^}]*)?\}\}/g,
      (whole, name: string, filter: string | undefined) => {
        if (filter) {
          this.tags.add(`filter ${filter.slice(1).trim()}`);
          return whole;
        }
        return `{{${name.replace(/\[(\d+)\]/g, '.$1')}}}`;
      },
    );
  }

  report(warnings: Warnings): void {
    if (this.tags.size === 0) return;
    warnings.add(
      this.where,
      `Insomnia template tag${this.tags.size > 1 ? 's' : ''} ${[...this.tags].map((t) => `{% ${t} %}`).join(', ')} not evaluated by Statuscope; kept as text`,
    );
  }
}

export function headerRowsOf(value: unknown, t: TemplateScan): HeaderRow[] {
  return asArray(value)
    .filter(isRecord)
    .filter((h) => asText(h.name) !== '')
    .map((h) => ({
      name: t.convert(asText(h.name)),
      value: t.convert(asText(h.value)),
      enabled: h.disabled !== true,
    }));
}

function authOf(value: unknown, t: TemplateScan, where: string, warnings: Warnings): Auth | undefined {
  const a = asRecord(value);
  const type = asText(a.type);
  if (type === '') return undefined; // {} = inherit from the folder / collection
  if (a.disabled === true) return { type: 'none' };
  const s = (key: string) => t.convert(asText(a[key]));
  switch (type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      if (a.useISO88591 === true)
        warnings.add(where, 'basic auth with ISO-8859-1 encoding: Statuscope encodes credentials as UTF-8');
      return { type: 'basic', username: s('username'), password: s('password') };
    case 'bearer': {
      const prefix = s('prefix');
      if (prefix !== '' && prefix !== 'Bearer')
        warnings.add(where, `bearer prefix "${prefix}" not imported; Statuscope sends "Bearer"`);
      return { type: 'bearer', token: s('token') };
    }
    case 'apikey':
      return {
        type: 'apikey',
        name: s('key'),
        value: s('value'),
        in: asText(a.addTo) === 'queryParams' ? 'query' : 'header',
      };
    case 'digest':
      return { type: 'digest', username: s('username'), password: s('password') };
    case 'oauth2': {
      const grant = asText(a.grantType);
      if (grant === 'client_credentials') {
        const scope = s('scope');
        return {
          type: 'oauth2-client-credentials',
          tokenUrl: s('accessTokenUrl'),
          clientId: s('clientId'),
          clientSecret: s('clientSecret'),
          ...(scope ? { scope } : {}),
        };
      }
      warnings.add(
        where,
        `OAuth 2.0 with the ${grant || 'authorization_code'} grant is not supported (only client credentials); auth set to none`,
      );
      return { type: 'none' };
    }
    default:
      warnings.add(
        where,
        `auth type "${type}" is not supported by Statuscope; auth set to none, the request will go out unsigned`,
      );
      return { type: 'none' };
  }
}

function bodyOf(
  value: unknown,
  headers: readonly HeaderRow[],
  t: TemplateScan,
  where: string,
  warnings: Warnings,
): RequestBody {
  const b = asRecord(value);
  const mimeType = asText(b.mimeType).split(';')[0]?.trim().toLowerCase() ?? '';
  const params = asArray(b.params).filter(isRecord);
  const live = params.filter((p) => {
    if (p.disabled === true) warnings.add(where, `disabled form parameter "${asText(p.name)}" not imported`);
    return p.disabled !== true;
  });
  if (mimeType === 'application/x-www-form-urlencoded' && b.params !== undefined) {
    return {
      kind: 'urlencoded',
      fields: live.map((p) => ({ name: t.convert(asText(p.name)), value: t.convert(asText(p.value)) })),
    };
  }
  if (mimeType === 'multipart/form-data') {
    return {
      kind: 'multipart',
      parts: live.map((p) =>
        asText(p.type) === 'file'
          ? { kind: 'file' as const, name: t.convert(asText(p.name)), path: asText(p.fileName) }
          : { kind: 'field' as const, name: t.convert(asText(p.name)), value: t.convert(asText(p.value)) },
      ),
    };
  }
  if (typeof b.fileName === 'string' && b.fileName !== '')
    return { kind: 'file', path: b.fileName, ...(mimeType ? { contentType: asText(b.mimeType) } : {}) };
  const text = t.convert(asText(b.text));
  if (mimeType === 'application/graphql') {
    warnings.add(
      where,
      'GraphQL body imported as its JSON form {"query", "variables"} (what Insomnia sends)',
    );
    return { kind: 'json', text };
  }
  if (text === '') return { kind: 'none' };
  const headerType = mediaTypeOf(headers);
  return bodyFromText(
    text,
    headerType ?? (mimeType || undefined),
    headerType ? undefined : asText(b.mimeType) || undefined,
  );
}

/** `parameters` are query parameters Insomnia appends to the URL at send time. */
function withQuery(url: string, value: unknown, t: TemplateScan, where: string, warnings: Warnings): string {
  const pairs: string[] = [];
  for (const p of asArray(value).filter(isRecord)) {
    const name = t.convert(asText(p.name));
    if (name === '') continue;
    if (p.disabled === true) {
      warnings.add(where, `disabled query parameter "${name}" not imported`);
      continue;
    }
    pairs.push(
      `${encodeURIComponent(name)}=${encodeURIComponent(t.convert(asText(p.value)))
        .replace(/%7B/g, '{')
        .replace(/%7D/g, '}')}`,
    );
  }
  if (pairs.length === 0) return url;
  const [base = '', hash] = url.split('#', 2);
  return `${base}${base.includes('?') ? '&' : '?'}${pairs.join('&')}${hash === undefined ? '' : `#${hash}`}`;
}

function optionsOf(followRedirects: unknown): Partial<RequestOptionsInput> {
  // Insomnia's global default follows redirects; "global" is kept as Statuscope's own default.
  if (followRedirects === 'on' || followRedirects === true) return { maxRedirects: 10 };
  if (followRedirects === 'off' || followRedirects === false) return { maxRedirects: 0 };
  return {};
}

export interface InsomniaRequestInput {
  raw: Record<string, unknown>;
  where: string;
  /** Headers of enclosing folders, outermost first; request headers of the same name win. */
  folderHeaders: HeaderRow[];
  folderAuth: Auth | undefined;
  description: string;
  scripts: { preRequest: string; afterResponse: string };
  followRedirects: unknown;
}

export function insomniaRequest(input: InsomniaRequestInput, warnings: Warnings): SavedRequest {
  const { raw, where } = input;
  const t = new TemplateScan(where);
  const own = headerRowsOf(raw.headers, t);
  const ownNames = new Set(own.map((h) => h.name.toLowerCase()));
  const headers = [...input.folderHeaders.filter((h) => !ownNames.has(h.name.toLowerCase())), ...own];
  let url = t.convert(asText(raw.url));
  for (const p of asArray(raw.pathParameters).filter(isRecord)) {
    const name = asText(p.name);
    const value = t.convert(asText(p.value));
    if (name && value)
      url = url.replace(
        new RegExp(`/:${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`),
        `/${value}`,
      );
  }
  url = withDefaultScheme(withQuery(url, raw.parameters, t, where, warnings));
  if (input.scripts.preRequest.trim())
    warnings.add(where, 'pre-request script not imported: Statuscope does not run scripts');
  if (input.scripts.afterResponse.trim())
    warnings.add(
      where,
      'after-response script not imported: Statuscope does not run scripts; add assertions instead',
    );
  const request = makeRequest({
    name: asText(raw.name),
    method: asText(raw.method, 'GET'),
    url,
    headers,
    body: bodyOf(raw.body, headers, t, where, warnings),
    auth: authOf(raw.authentication, t, where, warnings) ?? input.folderAuth ?? { type: 'inherit' },
    options: optionsOf(input.followRedirects),
    notes: input.description,
  });
  t.report(warnings);
  return request;
}

export { authOf as insomniaAuth };

/** Insomnia environment data may nest; Statuscope variables are flat, so keys join with dots. */
export function flattenEnvironment(data: unknown, prefix = ''): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const entries: [string, unknown][] = Array.isArray(data)
    ? data.map((v, i) => [String(i), v])
    : Object.entries(asRecord(data));
  for (const [key, value] of entries) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value) || Array.isArray(value)) out.push(...flattenEnvironment(value, name));
    else
      out.push({
        name,
        value: value === null || value === undefined ? '' : new TemplateScan('').convert(asText(value)),
      });
  }
  return out;
}
