/** The one way auth flows send: the engine's sendExchange, or anything with its shape (the service passes it). */
import type { AppError, Result } from '../../common/result';
import type { ExchangeRecord, RequestSpec } from '../../contract/exchange';

/** A transport failure may still carry the partial exchange (how far it got), as the engine's does. */
export type SendFailure = AppError & { exchange?: ExchangeRecord };

export type Sender = (
  spec: RequestSpec,
  opts?: { signal?: AbortSignal },
) => Promise<Result<ExchangeRecord, SendFailure>>;
