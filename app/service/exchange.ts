import { fail, ok } from '../common/result';
import type { exchangeOps } from '../contract/exchange-ops';
import { BodyStore } from '../engine/body-store';
import { sendRaw } from '../engine/raw';
import { sendExchange, type SendOptions } from '../engine/send';
import type { CallContext, HandlersFor, ServiceEnv } from './types';

/** Implements app/contract/exchange-ops.ts: send, raw send, cancel, body. */
export function exchangeHandlers(env: ServiceEnv): HandlersFor<keyof typeof exchangeOps> {
  const inFlight = new Map<string, AbortController>();
  const bodies = new BodyStore();

  const optionsFor = (exchangeId: string, ctx: CallContext, controller: AbortController): SendOptions => ({
    exchangeId,
    signal: controller.signal,
    tempDir: env.tempDir,
    onProgress: (phase, receivedBytes) => ctx.emit('exchange:progress', { exchangeId, phase, receivedBytes }),
    onBody: (id, _hop, body) => bodies.put(id, body),
  });

  const track = async <T>(exchangeId: string, run: (controller: AbortController) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    inFlight.set(exchangeId, controller);
    try {
      return await run(controller);
    } finally {
      inFlight.delete(exchangeId);
    }
  };

  return {
    'exchange:send': ({ exchangeId, request }, ctx) =>
      track(exchangeId, (c) => sendExchange(request, optionsFor(exchangeId, ctx, c))),
    'exchange:send-raw': ({ exchangeId, request }, ctx) =>
      track(exchangeId, (c) => sendRaw(request, optionsFor(exchangeId, ctx, c))),
    'exchange:cancel': async ({ exchangeId }) => {
      const controller = inFlight.get(exchangeId);
      controller?.abort();
      return ok({ cancelled: controller !== undefined });
    },
    'exchange:body': async ({ exchangeId }) => {
      const bytes = await bodies.read(exchangeId);
      if (!bytes) return fail('exchange.body-gone', 'That response body is no longer kept; send the request again to see it.');
      return ok({ base64: bytes.toString('base64'), bytes: bytes.length });
    },
  };
}
