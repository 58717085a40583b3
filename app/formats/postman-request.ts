/**
 * The parts of one Postman request: header rows (casing and order kept, disabled ones kept disabled),
 * the URL as Postman sends it, the body by mode, and the request settings Statuscope has.
 */
import pm from './postman-sdk';
import { messageOf } from '../common/result';
import type { HeaderRow } from '../contract/collection';
import type { RequestBody, RequestOptionsInput } from '../contract/exchange';
import { bodyFromText } from './body';
import { mediaTypeOf, type Warnings } from './build';
import type { PostmanBody, PostmanKeyValue, PostmanRequestJson } from './postman-schema';
import { asArray, asRecord, asText, isRecord } from './structured';

export function headerRows(header: PostmanRequestJson['header']): HeaderRow[] {
  let list: PostmanKeyValue[] = [];
  if (Array.isArray(header)) list = header;
  else if (typeof header === 'string') {
    // v2.0 allows "Name: value\n…"; the SDK's parser keeps casing (HeaderList#toObject would lower-case).
    list = asArray(pm.Header.parse(header)).map((h) => {
      const r = asRecord(h);
      return { key: asText(r.key), value: r.value, description: '' };
    });
  }
  return list
    .filter((h) => (h.key ?? '') !== '')
    .map((h) => ({ name: h.key ?? '', value: asText(h.value), enabled: h.disabled !== true }));
}

/** The URL as Postman sends it: disabled query params left out, `:name` path variables substituted. */
export function urlText(url: PostmanRequestJson['url'], where: string, warnings: Warnings): string {
  if (url === null || url === undefined) return '';
  let parsed: pm.Url;
  try {
    parsed = new pm.Url(url);
  } catch (thrown) {
    warnings.add(where, `URL could not be read (${messageOf(thrown)}); left empty`);
    return '';
  }
  let text = parsed.toString();
  if (isRecord(url)) {
    const disabled = asArray(url.query)
      .filter((q) => isRecord(q) && q.disabled === true)
      .map((q) => asText(asRecord(q).key));
    if (disabled.length)
      warnings.add(
        where,
        `disabled query parameter${disabled.length > 1 ? 's' : ''} ${disabled.join(', ')} not imported (a URL has no disabled parameters)`,
      );
    for (const variable of asArray(url.variable)) {
      const v = asRecord(variable);
      const key = asText(v.key);
      const value = asText(v.value);
      if (!key) continue;
      const pattern = new RegExp(`/:${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`);
      if (value !== '') text = text.replace(pattern, `/${value}`);
    }
  }
  const unresolved = [...text.replace(/[?#].*$/, '').matchAll(/\/:([A-Za-z_][\w.-]*)(?=\/|$)/g)].map(
    (m) => m[1],
  );
  if (unresolved.length) {
    warnings.add(
      where,
      `path variable${unresolved.length > 1 ? 's' : ''} ${unresolved.map((u) => `:${u}`).join(', ')} ha${unresolved.length > 1 ? 've' : 's'} no value; sent as written, as Postman does`,
    );
  }
  return text;
}

export function bodyOf(
  body: PostmanBody | null | undefined,
  headers: readonly HeaderRow[],
  where: string,
  warnings: Warnings,
): RequestBody {
  if (!body || !body.mode) return { kind: 'none' };
  if (body.disabled) {
    warnings.add(where, 'body is disabled in Postman; not imported');
    return { kind: 'none' };
  }
  switch (body.mode) {
    case 'raw': {
      const text = body.raw ?? '';
      if (text === '') return { kind: 'none' };
      const language = body.options?.raw?.language;
      const mediaType = mediaTypeOf(headers);
      if (mediaType) return bodyFromText(text, mediaType);
      // Postman adds a Content-Type for the chosen language when the user set none.
      const byLanguage: Record<string, string> = {
        json: 'application/json',
        xml: 'application/xml',
        html: 'text/html',
        javascript: 'application/javascript',
        graphql: 'application/graphql',
      };
      const implied = language ? byLanguage[language] : undefined;
      return implied ? bodyFromText(text, implied, implied) : { kind: 'text', text };
    }
    case 'urlencoded': {
      const fields = (body.urlencoded ?? []).filter((f) => {
        if (f.disabled) warnings.add(where, `disabled form field "${f.key ?? ''}" not imported`);
        return !f.disabled;
      });
      return {
        kind: 'urlencoded',
        fields: fields.map((f) => ({ name: f.key ?? '', value: asText(f.value) })),
      };
    }
    case 'formdata': {
      const parts: Extract<RequestBody, { kind: 'multipart' }>['parts'] = [];
      for (const f of body.formdata ?? []) {
        const name = f.key ?? '';
        if (f.disabled) {
          warnings.add(where, `disabled form-data part "${name}" not imported`);
          continue;
        }
        if (f.type === 'file') {
          const sources = Array.isArray(f.src)
            ? f.src
            : typeof f.src === 'string' && f.src !== ''
              ? [f.src]
              : [];
          if (sources.length === 0) {
            warnings.add(
              where,
              `form-data file part "${name}" has no file chosen; imported with an empty path, choose the file before sending`,
            );
            sources.push('');
          }
          for (const path of sources)
            parts.push({
              kind: 'file',
              name,
              path,
              ...(f.contentType ? { contentType: f.contentType } : {}),
            });
        } else {
          if (f.contentType)
            warnings.add(
              where,
              `Content-Type "${f.contentType}" of form-data field "${name}" not imported (fields are sent without one)`,
            );
          parts.push({ kind: 'field', name, value: asText(f.value) });
        }
      }
      return { kind: 'multipart', parts };
    }
    case 'file': {
      const src = body.file?.src;
      if (src) return { kind: 'file', path: src };
      if (body.file?.content) return { kind: 'text', text: body.file.content };
      warnings.add(where, 'binary body has no file chosen; imported as no body');
      return { kind: 'none' };
    }
    case 'graphql': {
      const query = body.graphql?.query ?? '';
      const raw = body.graphql?.variables;
      let variables: unknown = raw;
      if (typeof raw === 'string') {
        try {
          variables = raw.trim() === '' ? undefined : JSON.parse(raw);
        } catch {
          warnings.add(where, 'GraphQL variables are not valid JSON; sent as a string');
        }
      }
      warnings.add(
        where,
        'GraphQL body converted to its JSON form {"query", "variables"} (what Postman sends)',
      );
      return {
        kind: 'json',
        text: JSON.stringify(variables === undefined ? { query } : { query, variables }),
      };
    }
    default:
      warnings.add(where, `body mode "${body.mode}" is not supported; not imported`);
      return { kind: 'none' };
  }
}

/** protocolProfileBehavior keys with a Statuscope equivalent; the rest are reported. */
export function optionsOf(
  behavior: Record<string, unknown> | undefined,
  where: string,
  warnings: Warnings,
): Partial<RequestOptionsInput> {
  const options: Partial<RequestOptionsInput> = {};
  const unmapped: string[] = [];
  for (const [key, value] of Object.entries(behavior ?? {})) {
    if (key === 'followRedirects' && typeof value === 'boolean') options.maxRedirects = value ? 10 : 0;
    else if (key === 'maxRedirects' && typeof value === 'number')
      options.maxRedirects = Math.max(0, Math.min(50, Math.trunc(value)));
    else if (key === 'strictSSL' && typeof value === 'boolean') options.rejectUnauthorized = value;
    else if (key === 'disableBodyPruning')
      continue; // Postman-only: whether GET bodies are sent; Statuscope always sends the body given.
    else unmapped.push(key);
  }
  if (unmapped.length) warnings.add(where, `Postman request settings not imported: ${unmapped.join(', ')}`);
  return options;
}
