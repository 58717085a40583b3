/**
 * A RequestSpec as a curl command (bash quoting) that sends the same request the engine sends: the
 * method's case, every header in order (duplicates too), the body bytes. Written by hand rather than
 * by httpsnippet, whose curl client sorts headers and merges duplicates. curl adds `User-Agent` and
 * `Accept: *\/*` of its own; `-H 'Name:'` stops it when the request has none, so nothing extra goes out.
 */
import { assertNever } from '../common/result';
import type { RequestSpec } from '../contract/exchange';
import { effectiveHeaders, urlencodedText } from './har-request';

/** POSIX single quotes, or bash $'…' when the text holds control characters (they cannot be typed in '…'). */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_\-+=/.,:@%]+$/.test(text)) return text;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  if (/[\x00-\x1f\x7f]/.test(text)) {
    const body = [...text]
      .map((ch) => {
        const code = ch.codePointAt(0) ?? 0;
        if (ch === '\\') return '\\\\';
        if (ch === "'") return "\\'";
        if (ch === '\n') return '\\n';
        if (ch === '\r') return '\\r';
        if (ch === '\t') return '\\t';
        if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
        return ch;
      })
      .join('');
    return `$'${body}'`;
  }
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** -F values: `"…"` quoting protects `;` and `,` in file names (curl's manual, -F). */
function formFileValue(path: string): string {
  return /[;",]/.test(path) ? `"${path.replace(/(["\\])/g, '\\$1')}"` : path;
}

export function curlCommand(
  spec: Pick<RequestSpec, 'method' | 'url' | 'headers' | 'body' | 'options'>,
): string {
  const args: string[] = [];
  const body = spec.body;
  const headers = effectiveHeaders(spec).filter(
    ([name]) => !(body.kind === 'multipart' && name.toLowerCase() === 'content-type'),
  );
  const defaultMethod = body.kind === 'none' ? 'GET' : 'POST';
  // HEAD must be --head: `-X HEAD` makes curl wait for a body that never comes.
  if (spec.method === 'HEAD' && body.kind === 'none') args.push('--head');
  else if (spec.method !== defaultMethod) args.push('-X', shellQuote(spec.method));
  args.push(shellQuote(spec.url));
  for (const [name, value] of headers)
    args.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  const has = (n: string) => headers.some(([h]) => h.toLowerCase() === n);
  if (!has('user-agent')) args.push('-H', shellQuote('User-Agent:'));
  if (!has('accept')) args.push('-H', shellQuote('Accept:'));
  let stdin: string | undefined;
  switch (body.kind) {
    case 'none':
      break;
    case 'text':
    case 'json':
    case 'xml':
      args.push('--data-raw', shellQuote(body.text));
      break;
    case 'urlencoded':
      args.push('--data-raw', shellQuote(urlencodedText(body.fields)));
      break;
    case 'multipart':
      for (const part of body.parts) {
        if (part.kind === 'field') args.push('--form-string', shellQuote(`${part.name}=${part.value}`));
        else {
          const extras = `${part.filename ? `;filename=${formFileValue(part.filename)}` : ''};type=${part.contentType ?? 'application/octet-stream'}`;
          args.push('-F', shellQuote(`${part.name}=@${formFileValue(part.path)}${extras}`));
        }
      }
      break;
    case 'file':
      args.push('--data-binary', shellQuote(`@${body.path}`));
      break;
    case 'binary':
      stdin = body.base64;
      args.push('--data-binary', '@-');
      break;
    default:
      assertNever(body, 'body kind');
  }
  const o = spec.options;
  if (o.maxRedirects > 0) args.push('-L', '--max-redirs', String(o.maxRedirects));
  if (!o.rejectUnauthorized) args.push('-k');
  if (o.http2) args.push('--http2');
  if (o.connectTimeoutMs !== 10_000) args.push('--connect-timeout', String(o.connectTimeoutMs / 1000));
  if (o.totalTimeoutMs !== undefined) args.push('-m', String(o.totalTimeoutMs / 1000));
  // --compressed makes curl decode the response as the engine does (`decompress`); without an
  // Accept-Encoding in the request the server has no reason to encode, so the flag is left out.
  if (o.decompress && has('accept-encoding')) args.push('--compressed');
  const command = `curl ${args.reduce((line, arg, i) => (i > 0 && arg.startsWith('-') ? `${line} \\\n  ${arg}` : `${line}${i > 0 ? ' ' : ''}${arg}`), '')}`;
  return stdin === undefined ? command : `printf %s ${shellQuote(stdin)} | base64 -d | ${command}`;
}
