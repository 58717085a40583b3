/**
 * The service: one implementation of every operation in app/contract, shared by Electron IPC, the
 * web-mode server, the CLI and tests. Each domain implements its own slice; this file only joins them,
 * and the `Handlers` type makes a missing operation a compile error.
 */
import { collectionHandlers } from './collection';
import { diagnosisHandlers } from './diagnosis';
import { exchangeHandlers } from './exchange';
import { formatsHandlers } from './formats';
import { ExchangeRuntime } from './exchange-runtime';
import { knowledgeHandlers } from './knowledge';
import { labHandlers } from './lab';
import { runHandlers } from './run';
import { requestSpecSchema, type ExchangeRecord, type RawRequest, type RequestSpec } from '../contract/exchange';
import { parseRequestHead } from '../engine/parse-http1';
import type { Handlers, ServiceEnv } from './types';

/** A raw send as a readable request (method, URL with the request line's target, headers), for history lists. */
function approximateSpec(raw: RawRequest, exchange: ExchangeRecord): RequestSpec {
  const head = parseRequestHead(Buffer.from(raw.bytesBase64, 'base64'));
  let url = raw.target;
  try {
    if (head.target.startsWith('/')) url = new URL(head.target, raw.target).href;
    else if (/^https?:\/\//.test(head.target)) url = head.target;
  } catch {
    url = raw.target;
  }
  return requestSpecSchema.parse({ method: exchange.request.method || head.method, url, headers: head.headers });
}

export function createHandlers(env: ServiceEnv): Handlers {
  const runtime = new ExchangeRuntime(env);
  const handlers: Handlers = {
    ...exchangeHandlers(runtime),
    ...diagnosisHandlers(env),
    ...knowledgeHandlers(env),
    ...collectionHandlers(env, runtime),
    ...formatsHandlers(),
    ...labHandlers(env),
    ...runHandlers(env),
  };
  if (env.recordHistory) {
    // Every exchange sent from the app lands in the bounded history, failures (with how far they got) too.
    const send = handlers['exchange:send'];
    handlers['exchange:send'] = async (input, ctx) => {
      const result = await send(input, ctx);
      const exchange = result.ok ? result.value : (result.error as { exchange?: ExchangeRecord }).exchange;
      if (exchange) await handlers['history:add']({ request: input.request, exchange }, ctx);
      return result;
    };
    const sendRaw = handlers['exchange:send-raw'];
    handlers['exchange:send-raw'] = async (input, ctx) => {
      const result = await sendRaw(input, ctx);
      const exchange = result.ok ? result.value : (result.error as { exchange?: ExchangeRecord }).exchange;
      if (exchange) await handlers['history:add']({ request: approximateSpec(input.request, exchange), exchange, raw: input.request }, ctx);
      return result;
    };
  }
  return handlers;
}

export type { CallContext, Handlers, ServiceEnv } from './types';
