/**
 * Turns a saved request into the RequestSpec the engine sends: variables substituted in the URL,
 * headers, body and auth; the collection's default headers added; static auth applied.
 *
 * Precedence, highest first (docs/collection-format.md, "Variables"):
 *   1. `STATUSCOPE_VAR_<name>` in the process environment — explicit overrides, as CI passes them;
 *   2. the selected environment (`environments/<name>.yaml`; secret values from the secret store);
 *   3. the collection's variables (collection.yaml; secret values from the secret store).
 * There are no request-local variables: a request that needs a constant writes it in place.
 */
import { assertNever, fail, ok, type Result } from '../common/result';
import type { Auth, CollectionFile, EnvironmentFile, SavedRequest, Variable } from '../contract/collection';
import { requestSpecSchema, type HeaderPair, type RequestBody } from '../contract/exchange';
import { applyStaticAuth, isStaticAuth } from './auth/static-auth';
import { variablesFromEnv } from './secrets';
import { expand, type Lookup } from './templates';
import {
  SECRET_MASK,
  type PendingAuth,
  type ResolvedRequest,
  type UsedVariable,
  type VariableSource,
} from './types';

export { SECRET_MASK, VARIABLE_SOURCES } from './types';
export type { PendingAuth, ResolvedRequest, UsedVariable, VariableSource } from './types';

export interface ResolveContext {
  collection?: CollectionFile;
  environment?: EnvironmentFile;
  /** Values of variables marked `secret: true`, from the SecretStore, per layer. */
  secrets?: { collection?: Readonly<Record<string, string>>; environment?: Readonly<Record<string, string>> };
  /** A process-like environment; only `STATUSCOPE_VAR_*` entries are read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Substitute secrets with SECRET_MASK: for previews shown in the UI, never for sending. */
  mask?: boolean;
}

interface Binding {
  value: string;
  source: VariableSource;
  secret: boolean;
}

function layer(
  variables: readonly Variable[],
  secrets: Readonly<Record<string, string>> | undefined,
  source: VariableSource,
  into: Map<string, Binding>,
): void {
  for (const v of variables) {
    if (into.has(v.name)) continue;
    const value = v.secret ? secrets?.[v.name] : v.value;
    if (value !== undefined) into.set(v.name, { value, source, secret: v.secret });
  }
}

export function variableBindings(ctx: ResolveContext): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  const fromEnv = variablesFromEnv(ctx.env ?? {});
  // A name that is secret in any layer stays masked even when CI supplies it through the environment.
  const secretNames = new Set(
    [...(ctx.environment?.variables ?? []), ...(ctx.collection?.variables ?? [])]
      .filter((v) => v.secret)
      .map((v) => v.name),
  );
  for (const [name, value] of Object.entries(fromEnv))
    bindings.set(name, { value, source: 'process-env', secret: secretNames.has(name) });
  layer(ctx.environment?.variables ?? [], ctx.secrets?.environment, 'environment', bindings);
  layer(ctx.collection?.variables ?? [], ctx.secrets?.collection, 'collection', bindings);
  return bindings;
}

class Substituter {
  readonly unresolved: string[] = [];
  readonly used = new Map<string, UsedVariable>();
  private readonly lookup: Lookup;

  constructor(
    private readonly bindings: Map<string, Binding>,
    mask: boolean,
  ) {
    this.lookup = (name) => {
      const b = bindings.get(name);
      return b === undefined ? undefined : mask && b.secret ? SECRET_MASK : b.value;
    };
  }

  text = (input: string): string => {
    const r = expand(input, this.lookup);
    for (const name of r.unresolved) if (!this.unresolved.includes(name)) this.unresolved.push(name);
    for (const name of r.used) {
      const b = this.bindings.get(name);
      if (b && !this.used.has(name))
        this.used.set(name, {
          name,
          value: b.secret ? SECRET_MASK : b.value,
          source: b.source,
          secret: b.secret,
        });
    }
    return r.text;
  };

  body(body: RequestBody): RequestBody {
    const t = this.text;
    switch (body.kind) {
      case 'none':
      case 'binary':
        return body;
      case 'text':
      case 'json':
      case 'xml':
        return { ...body, text: t(body.text) };
      case 'urlencoded':
        return {
          kind: 'urlencoded',
          fields: body.fields.map((f) => ({ name: t(f.name), value: t(f.value) })),
        };
      case 'multipart':
        return {
          kind: 'multipart',
          parts: body.parts.map((p) =>
            p.kind === 'field'
              ? { ...p, name: t(p.name), value: t(p.value) }
              : { ...p, name: t(p.name), path: t(p.path) },
          ),
        };
      case 'file':
        return { ...body, path: t(body.path) };
      default:
        return assertNever(body, 'body kind');
    }
  }

  auth(auth: Exclude<Auth, { type: 'inherit' }>): Exclude<Auth, { type: 'inherit' }> {
    const t = this.text;
    switch (auth.type) {
      case 'none':
        return auth;
      case 'basic':
      case 'digest':
        return { ...auth, username: t(auth.username), password: t(auth.password) };
      case 'bearer':
        return { ...auth, token: t(auth.token) };
      case 'apikey':
        return { ...auth, name: t(auth.name), value: t(auth.value) };
      case 'oauth2-client-credentials':
        return {
          ...auth,
          tokenUrl: t(auth.tokenUrl),
          clientId: t(auth.clientId),
          clientSecret: t(auth.clientSecret),
          ...(auth.scope === undefined ? {} : { scope: t(auth.scope) }),
        };
      default:
        return assertNever(auth, 'auth type');
    }
  }
}

/** `inherit` takes the collection's auth; a collection that itself says `inherit` means none. */
export function effectiveAuth(
  request: Auth,
  collection: Auth | undefined,
): Exclude<Auth, { type: 'inherit' }> {
  if (request.type !== 'inherit') return request;
  if (collection === undefined || collection.type === 'inherit') return { type: 'none' };
  return collection;
}

export function resolveRequest(saved: SavedRequest, ctx: ResolveContext = {}): Result<ResolvedRequest> {
  const sub = new Substituter(variableBindings(ctx), ctx.mask === true);
  const own: HeaderPair[] = saved.headers
    .filter((h) => h.enabled)
    .map((h) => [sub.text(h.name), sub.text(h.value)]);
  const ownNames = new Set(own.map(([n]) => n.toLowerCase()));
  // Collection defaults first; a request header of the same name replaces the default.
  const defaults: HeaderPair[] = (ctx.collection?.headers ?? [])
    .filter((h) => h.enabled)
    .map((h): HeaderPair => [sub.text(h.name), sub.text(h.value)])
    .filter(([n]) => !ownNames.has(n.toLowerCase()));
  const auth = sub.auth(effectiveAuth(saved.auth, ctx.collection?.auth));
  let url = sub.text(saved.url);
  let headers = [...defaults, ...own];
  let pendingAuth: PendingAuth | undefined;
  if (isStaticAuth(auth)) ({ url, headers } = applyStaticAuth(auth, url, headers));
  else pendingAuth = auth;
  const body = sub.body(saved.body);
  const parsed = requestSpecSchema.safeParse({
    method: saved.method,
    url,
    headers,
    body,
    options: saved.options,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'collection.invalid-request',
      `The resolved request is not sendable: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return ok({
    spec: parsed.data,
    unresolved: sub.unresolved,
    used: [...sub.used.values()],
    auth,
    ...(pendingAuth === undefined ? {} : { pendingAuth }),
  });
}

/** The check before a send: placeholders nothing defines make the request refuse to go out. */
export function requireResolved(resolved: ResolvedRequest): Result<ResolvedRequest> {
  if (resolved.unresolved.length === 0) return ok(resolved);
  const names = resolved.unresolved.map((n) => `{{${n}}}`).join(', ');
  return fail(
    'collection.unresolved-variables',
    `Not sent: ${names} ${resolved.unresolved.length === 1 ? 'has' : 'have'} no value. Define ${resolved.unresolved.length === 1 ? 'it' : 'them'} in the environment or collection, or set STATUSCOPE_VAR_<name>.`,
    { detail: { names: resolved.unresolved.join(',') } },
  );
}
