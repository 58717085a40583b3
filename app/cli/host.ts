/** The CLI's door to the service: the same handlers and input validation Electron and web mode use. */
import type { Result } from '../common/result';
import type { CallInputOf, OperationName, OutputOf } from '../contract/operations';
import { defaultServiceEnv } from '../server/app-env';
import { dispatch } from '../service/dispatch';
import { createHandlers, type Handlers } from '../service/index';
import type { CallContext } from '../service/types';
import type { CliIo } from './command';

let cached: Handlers | undefined;

export function cliHandlers(io: Pick<CliIo, 'env'>): Handlers {
  cached ??= createHandlers(defaultServiceEnv(io.env));
  return cached;
}

export async function cliCall<K extends OperationName>(io: CliIo, name: K, input: CallInputOf<K>, ctx: CallContext = { emit: () => undefined }): Promise<Result<OutputOf<K>>> {
  // dispatch parses `input` with the operation's schema, so the output type follows from the name.
  return (await dispatch(cliHandlers(io), name, input, ctx)) as Result<OutputOf<K>>;
}
