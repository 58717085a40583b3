/** Body shapes shared by importers: a text payload becomes json, xml, urlencoded or text by its media type. */
import type { RequestBody } from '../contract/exchange';
import { isJsonMediaType, isXmlMediaType } from './build';

/**
 * Fields when the text is exactly what URLSearchParams would serialise from them (the engine
 * re-serialises urlencoded bodies, app/engine/request-body.ts), so the bytes sent stay the same;
 * otherwise the text itself, byte for byte.
 */
export function urlencodedBody(text: string): RequestBody {
  const params = new URLSearchParams(text);
  if (params.toString() === text)
    return { kind: 'urlencoded', fields: [...params].map(([name, value]) => ({ name, value })) };
  return { kind: 'text', text, contentType: 'application/x-www-form-urlencoded' };
}

/** `mediaType` is lower-case without parameters; `contentType` the full value to keep for text bodies. */
export function bodyFromText(text: string, mediaType: string | undefined, contentType?: string): RequestBody {
  if (isJsonMediaType(mediaType)) return { kind: 'json', text };
  if (isXmlMediaType(mediaType)) return { kind: 'xml', text };
  if (mediaType === 'application/x-www-form-urlencoded') return urlencodedBody(text);
  return contentType ? { kind: 'text', text, contentType } : { kind: 'text', text };
}
