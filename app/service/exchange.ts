import { fail, ok } from '../common/result';
import type { exchangeOps } from '../contract/exchange-ops';
import { sendRaw } from '../engine/raw';
import { sendExchange } from '../engine/send';
import type { ExchangeRuntime } from './exchange-runtime';
import type { HandlersFor } from './types';

/** Implements app/contract/exchange-ops.ts: send, raw send, cancel, body. */
export function exchangeHandlers(runtime: ExchangeRuntime): HandlersFor<keyof typeof exchangeOps> {
  return {
    'exchange:send': ({ exchangeId, request }, ctx) =>
      runtime.track(exchangeId, (signal) => sendExchange(request, runtime.sendOptions(exchangeId, ctx, signal))),
    'exchange:send-raw': ({ exchangeId, request }, ctx) =>
      runtime.track(exchangeId, (signal) => sendRaw(request, runtime.sendOptions(exchangeId, ctx, signal))),
    'exchange:cancel': async ({ exchangeId }) => ok({ cancelled: runtime.cancel(exchangeId) }),
    'exchange:body': async ({ exchangeId }) => {
      const bytes = await runtime.bodies.read(exchangeId);
      if (!bytes) return fail('exchange.body-gone', 'That response body is no longer kept; send the request again to see it.');
      return ok({ base64: bytes.toString('base64'), bytes: bytes.length });
    },
  };
}
