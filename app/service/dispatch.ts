/**
 * The single entry every transport uses: checks the operation name, parses the input with the
 * operation's zod schema, runs the handler, and turns anything thrown into a Result. Transports add
 * only their own checks (sender frame, token, Origin) in front of this.
 */
import { fail, messageOf, type Result } from '../common/result';
import { isOperationName, operations } from '../contract/operations';
import type { CallContext, Handlers } from './types';

export async function dispatch(handlers: Handlers, name: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (!isOperationName(name)) return fail('ipc.unknown-operation', `There is no operation named ${JSON.stringify(name)}.`);
  const parsed = operations[name].input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return fail('ipc.invalid-input', `Invalid input for ${name}${where}: ${first?.message ?? 'does not match the schema'}.`);
  }
  try {
    // The handler table is keyed by the same name the schema came from; TypeScript cannot correlate the two
    // through a dynamic key, so the call goes through a widened signature here, and only here.
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<Result<unknown>>;
    return await handler(parsed.data, ctx);
  } catch (thrown) {
    return fail('internal.error', `Statuscope hit an internal error in ${name}: ${messageOf(thrown)}`);
  }
}
