/** Options shared by `send` and `diagnose`: headers, data, timeout, raw mode. */
import { readFile } from 'node:fs/promises';
import type { RawRequest, RequestBody, RequestSpec } from '../contract/exchange';
import { requestSpecSchema, rawRequestSchema } from '../contract/exchange';
import { CliUsageError as UsageError, parseHeaderOption } from './options';

export const requestOptionSpec = {
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  'data-file': { type: 'string' },
  timeout: { type: 'string' },
  raw: { type: 'string' },
  json: { type: 'boolean' },
  location: { type: 'boolean', short: 'L' },
  insecure: { type: 'boolean', short: 'k' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const REQUEST_OPTIONS_HELP = `  -H, --header 'Name: value'  add a header (repeatable; order, case and duplicates kept)
  -d, --data DATA             send DATA as the body (Content-Type: application/json when it parses as
                              JSON, else text/plain, unless you set one with -H)
      --data-file FILE        send FILE's bytes as the body (streamed)
      --timeout MS            bound the whole exchange, redirects included
      --raw FILE              send FILE's bytes exactly as the request, to URL's host and port (TLS for
                              https); for what a client will not send: unknown Transfer-Encoding,
                              HTTP/1.0, CONNECT, malformed framing
  -L, --location              follow redirects (up to 10), recording every hop
  -k, --insecure              do not verify TLS certificates
      --json                  print the exchange record as JSON`;

export interface RequestArgValues {
  header?: string[];
  data?: string;
  'data-file'?: string;
  timeout?: string;
  raw?: string;
  location?: boolean;
  insecure?: boolean;
}

export type BuiltRequest = { kind: 'client'; spec: RequestSpec } | { kind: 'raw'; raw: RawRequest };

export { CliUsageError as UsageError } from './options';

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new UsageError(`--timeout takes a whole number of milliseconds, not "${text}".`);
  return ms;
}


export async function buildRequest(values: RequestArgValues, positionals: string[]): Promise<BuiltRequest> {
  const timeout = parseTimeout(values.timeout);
  if (values.raw !== undefined) {
    if (positionals.length !== 1) throw new UsageError('With --raw FILE, give exactly one URL (where to connect).');
    if (values.header?.length || values.data !== undefined || values['data-file'] !== undefined) {
      throw new UsageError('--raw sends the file as it is; -H, -d and --data-file do not apply.');
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(values.raw);
    } catch {
      throw new UsageError(`Cannot read the raw request file ${values.raw}.`);
    }
    return {
      kind: 'raw',
      raw: rawRequestSchema.parse({ target: positionals[0], bytesBase64: bytes.toString('base64'), ...(timeout ? { timeoutMs: timeout } : {}), rejectUnauthorized: !values.insecure }),
    };
  }
  if (positionals.length !== 2) throw new UsageError('Give a METHOD and a URL, e.g. `statuscope send PROPFIND http://127.0.0.1:8080/dav/`.');
  const [method = '', url = ''] = positionals;
  const headers = (values.header ?? []).map(parseHeaderOption);
  if (values.data !== undefined && values['data-file'] !== undefined) throw new UsageError('Use either -d or --data-file, not both.');
  let body: RequestBody = { kind: 'none' };
  if (values.data !== undefined) {
    let isJson: boolean;
    try {
      JSON.parse(values.data);
      isJson = true;
    } catch {
      isJson = false;
    }
    body = isJson ? { kind: 'json', text: values.data } : { kind: 'text', text: values.data };
  } else if (values['data-file'] !== undefined) body = { kind: 'file', path: values['data-file'] };
  return {
    kind: 'client',
    spec: requestSpecSchema.parse({
      method,
      url,
      headers,
      body,
      options: { ...(timeout ? { totalTimeoutMs: timeout } : {}), maxRedirects: values.location ? 10 : 0, rejectUnauthorized: !values.insecure },
    }),
  };
}
