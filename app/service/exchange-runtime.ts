/**
 * What every way of sending shares: the exchanges in flight (so `exchange:cancel` stops any of them,
 * whether sent directly or from a collection) and the bodies of recent exchanges (`exchange:body`).
 */
import { BodyStore } from '../engine/body-store';
import type { SendOptions } from '../engine/send';
import type { CallContext, ServiceEnv } from './types';

export class ExchangeRuntime {
  private readonly inFlight = new Map<string, AbortController>();
  readonly bodies = new BodyStore();

  constructor(private readonly env: ServiceEnv) {}

  /** Runs one exchange under a fresh AbortController registered under its id. */
  async track<T>(exchangeId: string, run: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const onOuter = () => controller.abort();
    outer?.addEventListener('abort', onOuter, { once: true });
    this.inFlight.set(exchangeId, controller);
    try {
      return await run(controller.signal);
    } finally {
      this.inFlight.delete(exchangeId);
      outer?.removeEventListener('abort', onOuter);
    }
  }

  cancel(exchangeId: string): boolean {
    const controller = this.inFlight.get(exchangeId);
    controller?.abort();
    return controller !== undefined;
  }

  sendOptions(exchangeId: string, ctx: CallContext, signal: AbortSignal): SendOptions {
    return {
      exchangeId,
      signal,
      tempDir: this.env.tempDir,
      onProgress: (phase, receivedBytes) => ctx.emit('exchange:progress', { exchangeId, phase, receivedBytes }),
      onBody: (id, _hop, body) => this.bodies.put(id, body),
    };
  }
}
