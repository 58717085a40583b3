/** The exchange in flight or last completed, and the actions that send and cancel it. */
import { create } from 'zustand';
import { newId } from '../../app/common/ids';
import type { AppError } from '../../app/common/result';
import type { ExchangeRecord, RequestSpecInput } from '../../app/contract/exchange';
import { call, subscribe } from '../host';

export type SendStatus = 'idle' | 'sending' | 'done' | 'failed';

interface ExchangeState {
  status: SendStatus;
  exchangeId?: string;
  exchange?: ExchangeRecord;
  /** The request that produced `exchange`, kept for probes and retries. */
  sentSpec?: RequestSpecInput;
  /** The raw bytes and target behind `exchange` when it was sent in raw mode. */
  sentRaw?: { target: string; bytesBase64: string };
  error?: AppError;
  receivedBytes: number;
  send(spec: RequestSpecInput): Promise<void>;
  sendRaw(target: string, text: string): Promise<void>;
  cancel(): Promise<void>;
  show(exchange: ExchangeRecord, spec?: RequestSpecInput, raw?: { target: string; bytesBase64: string }): void;
}

function exchangeOf(error: AppError): ExchangeRecord | undefined {
  const e = error as AppError & { exchange?: ExchangeRecord };
  return e.exchange;
}

export const useExchangeStore = create<ExchangeState>()((set, get) => {
  subscribe('exchange:progress', (p) => {
    if (p.exchangeId === get().exchangeId) set({ receivedBytes: p.receivedBytes });
  });
  const run = async (
    exchangeId: string,
    sent: { spec?: RequestSpecInput; raw?: { target: string; bytesBase64: string } },
    go: () => ReturnType<typeof call<'exchange:send'>>,
  ) => {
    set({ status: 'sending', exchangeId, error: undefined, receivedBytes: 0 });
    const result = await go();
    if (get().exchangeId !== exchangeId) return;
    const origin = { sentSpec: sent.spec, sentRaw: sent.raw };
    if (result.ok) set({ status: 'done', exchange: result.value, error: undefined, ...origin });
    else set({ status: 'failed', error: result.error, exchange: exchangeOf(result.error), ...origin });
  };
  return {
    status: 'idle',
    receivedBytes: 0,
    send: async (spec) => {
      const exchangeId = newId('ex');
      await run(exchangeId, { spec }, () => call('exchange:send', { exchangeId, request: spec }));
    },
    sendRaw: async (target, text) => {
      const exchangeId = newId('ex');
      const bytes = new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      const raw = { target, bytesBase64: btoa(binary) };
      await run(exchangeId, { raw }, () => call('exchange:send-raw', { exchangeId, request: raw }));
    },
    cancel: async () => {
      const id = get().exchangeId;
      if (id && get().status === 'sending') await call('exchange:cancel', { exchangeId: id });
    },
    show: (exchange, spec, raw) => set({ status: 'done', exchange, sentSpec: spec, sentRaw: raw, error: undefined, exchangeId: exchange.id }),
  };
});
