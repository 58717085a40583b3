/** The one way auth flows send: the engine's sendExchange, or anything with its shape (the service passes it). */
import type { Result } from '../../common/result';
import type { ExchangeRecord, RequestSpec } from '../../contract/exchange';

export type Sender = (spec: RequestSpec, opts?: { signal?: AbortSignal }) => Promise<Result<ExchangeRecord>>;
