import { parseArgs } from 'node:util';
import { newId } from '../../common/ids';
import type { ExchangeRecord } from '../../contract/exchange';
import type { CliCommand, CliIo } from '../command';
import { formatExchange } from '../format-exchange';
import { cliCall } from '../host';
import { buildRequest, REQUEST_OPTIONS_HELP, requestOptionSpec, UsageError } from '../request-args';

export const sendCommand: CliCommand = {
  name: 'send',
  summary: 'send a request with any method and print the exchange as it went over the wire',
  help: `Usage:
  statuscope send [-H 'Name: value']... [-d DATA | --data-file FILE] [--timeout MS] [--json] METHOD URL
  statuscope send --raw FILE [--timeout MS] [--json] URL

Sends METHOD exactly as typed (case kept: \`patch\` goes out lower-case) and prints the request head as
written to the socket (headers the client added are listed), the response head as received (reason
phrase and header casing as the server sent them), the body, and the timings.

Options:
${REQUEST_OPTIONS_HELP}
  -h, --help                  show this help

Exit status: 0 when any HTTP response came back (a 501 too); 1 on a transport failure (the error
code and a sentence are printed); 2 on a usage error.

Examples:
  statuscope send PROPFIND http://127.0.0.1:8080/dav/ -H 'Depth: 1'
  statuscope send --raw request.txt http://127.0.0.1:8080/`,
  async run(args, io) {
    return runSend(args, io);
  },
};

async function runSend(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: requestOptionSpec, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`statuscope send: ${e instanceof Error ? e.message : String(e)}\nSee \`statuscope send --help\`.\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${sendCommand.help}\n`);
    return 0;
  }
  let built;
  try {
    built = await buildRequest(parsed.values, parsed.positionals);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`statuscope send: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const exchangeId = newId('ex');
  const onAbort = () => void cliCall(io, 'exchange:cancel', { exchangeId });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const result =
    built.kind === 'raw'
      ? await cliCall(io, 'exchange:send-raw', { exchangeId, request: built.raw })
      : await cliCall(io, 'exchange:send', { exchangeId, request: built.spec });
  io.signal.removeEventListener('abort', onAbort);
  if (result.ok) {
    io.stdout(parsed.values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatExchange(result.value));
    return 0;
  }
  const partial = 'exchange' in result.error ? (result.error.exchange as ExchangeRecord | undefined) : undefined;
  if (parsed.values.json) io.stdout(`${JSON.stringify({ error: { code: result.error.code, message: result.error.message, phase: result.error.phase }, exchange: partial }, null, 2)}\n`);
  else if (partial) io.stdout(formatExchange(partial));
  io.stderr(`error ${result.error.code}${result.error.phase ? ` (${result.error.phase})` : ''}: ${result.error.message}\n`);
  return 1;
}
