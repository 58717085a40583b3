/**
 * Postman auth ↔ Statuscope auth. Postman stores parameters as `[{key, value}]` (v2.1) or an object
 * (v2.0); the SDK's RequestAuth reads both. Types Statuscope cannot sign with become a warning.
 */
import pm from './postman-sdk';
import { assertNever } from '../common/result';
import type { Auth } from '../contract/collection';
import { asText } from './structured';

export interface MappedAuth {
  auth: Auth;
  warning?: string;
}

function parameters(json: { type: string } & Record<string, unknown>): (key: string) => string {
  try {
    const auth = new pm.RequestAuth(json as pm.RequestAuth.definition);
    const list = auth.parameters();
    return (key) => asText(list?.get(key));
  } catch {
    return () => '';
  }
}

/** Maps a Postman auth object; `undefined` input means "inherit from the parent". */
export function mapPostmanAuth(
  json: ({ type: string } & Record<string, unknown>) | null | undefined,
): MappedAuth | undefined {
  if (json === null || json === undefined) return undefined;
  const get = parameters(json);
  switch (json.type) {
    case 'noauth':
      return { auth: { type: 'none' } };
    case 'basic':
      return { auth: { type: 'basic', username: get('username'), password: get('password') } };
    case 'bearer':
      return { auth: { type: 'bearer', token: get('token') } };
    case 'apikey':
      return {
        auth: {
          type: 'apikey',
          name: get('key'),
          value: get('value'),
          in: get('in') === 'query' ? 'query' : 'header',
        },
      };
    case 'digest':
      return { auth: { type: 'digest', username: get('username'), password: get('password') } };
    case 'oauth2': {
      const grant = get('grant_type');
      if (grant === 'client_credentials') {
        const scope = get('scope');
        return {
          auth: {
            type: 'oauth2-client-credentials',
            tokenUrl: get('accessTokenUrl'),
            clientId: get('clientId'),
            clientSecret: get('clientSecret'),
            ...(scope ? { scope } : {}),
          },
        };
      }
      const token = get('accessToken');
      if (token) {
        return {
          auth: { type: 'bearer', token },
          warning: `OAuth 2.0 (${grant || 'authorization_code'} grant) imported as a bearer token with the stored access token; Statuscope runs only the client-credentials grant`,
        };
      }
      return {
        auth: { type: 'none' },
        warning: `OAuth 2.0 with the ${grant || 'authorization_code'} grant is not supported (only client credentials); auth set to none`,
      };
    }
    default:
      return {
        auth: { type: 'none' },
        warning: `auth type "${json.type}" is not supported by Statuscope; auth set to none, the request will go out unsigned`,
      };
  }
}

/** The reverse, for the Postman exporter (v2.1 arrays of `{key, value, type}`). */
export function postmanAuthJson(auth: Auth): Record<string, unknown> | undefined {
  const kv = (pairs: Record<string, string>) =>
    Object.entries(pairs).map(([key, value]) => ({ key, value, type: 'string' }));
  switch (auth.type) {
    case 'inherit':
      return undefined;
    case 'none':
      return { type: 'noauth' };
    case 'basic':
      return { type: 'basic', basic: kv({ username: auth.username, password: auth.password }) };
    case 'bearer':
      return { type: 'bearer', bearer: kv({ token: auth.token }) };
    case 'apikey':
      return { type: 'apikey', apikey: kv({ key: auth.name, value: auth.value, in: auth.in }) };
    case 'digest':
      return { type: 'digest', digest: kv({ username: auth.username, password: auth.password }) };
    case 'oauth2-client-credentials':
      return {
        type: 'oauth2',
        oauth2: kv({
          grant_type: 'client_credentials',
          accessTokenUrl: auth.tokenUrl,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          ...(auth.scope ? { scope: auth.scope } : {}),
        }),
      };
    default:
      return assertNever(auth, 'auth type');
  }
}
