/**
 * OpenAPI security schemes (3.x `components.securitySchemes`, 2.0 `securityDefinitions`) → auth.
 * Credentials are never in a spec: they become `{{variables}}` declared as secrets on the collection.
 */
import type { Auth } from '../contract/collection';
import { variableName } from './build';
import { asArray, asRecord, asText, isRecord } from './structured';

export interface MappedScheme {
  auth: Auth;
  secrets: string[];
  warning?: string;
}

function v(scheme: string, suffix: string): string {
  return variableName(`${scheme}${suffix}`).name;
}

export function mapScheme(key: string, schemeValue: unknown, scopes: string[]): MappedScheme {
  const s = asRecord(schemeValue);
  const type = asText(s.type);
  if (type === 'http') {
    const scheme = asText(s.scheme).toLowerCase();
    if (scheme === 'basic')
      return {
        auth: { type: 'basic', username: `{{${v(key, 'Username')}}}`, password: `{{${v(key, 'Password')}}}` },
        secrets: [v(key, 'Username'), v(key, 'Password')],
      };
    if (scheme === 'bearer')
      return { auth: { type: 'bearer', token: `{{${v(key, 'Token')}}}` }, secrets: [v(key, 'Token')] };
    if (scheme === 'digest')
      return {
        auth: {
          type: 'digest',
          username: `{{${v(key, 'Username')}}}`,
          password: `{{${v(key, 'Password')}}}`,
        },
        secrets: [v(key, 'Username'), v(key, 'Password')],
      };
    return {
      auth: { type: 'none' },
      secrets: [],
      warning: `security scheme "${key}" (HTTP ${scheme || '?'}) is not supported; auth set to none`,
    };
  }
  if (type === 'basic') {
    // Swagger 2.0
    return {
      auth: { type: 'basic', username: `{{${v(key, 'Username')}}}`, password: `{{${v(key, 'Password')}}}` },
      secrets: [v(key, 'Username'), v(key, 'Password')],
    };
  }
  if (type === 'apiKey') {
    const where = asText(s.in);
    if (where === 'header' || where === 'query')
      return {
        auth: { type: 'apikey', name: asText(s.name), value: `{{${v(key, '')}}}`, in: where },
        secrets: [v(key, '')],
      };
    return {
      auth: { type: 'none' },
      secrets: [],
      warning: `security scheme "${key}" (API key in a ${where || '?'}) is not supported; auth set to none, add the ${where || ''} by hand`,
    };
  }
  if (type === 'oauth2') {
    // 3.x: flows.clientCredentials.tokenUrl; 2.0: flow "application" + tokenUrl.
    const flows = asRecord(s.flows);
    const cc = isRecord(flows.clientCredentials)
      ? flows.clientCredentials
      : asText(s.flow) === 'application'
        ? s
        : undefined;
    const scope = scopes.join(' ');
    if (cc) {
      return {
        auth: {
          type: 'oauth2-client-credentials',
          tokenUrl: asText(cc.tokenUrl),
          clientId: `{{${v(key, 'ClientId')}}}`,
          clientSecret: `{{${v(key, 'ClientSecret')}}}`,
          ...(scope ? { scope } : {}),
        },
        secrets: [v(key, 'ClientId'), v(key, 'ClientSecret')],
      };
    }
    const flowNames = isRecord(s.flows) ? Object.keys(flows) : [asText(s.flow)];
    return {
      auth: { type: 'bearer', token: `{{${v(key, 'AccessToken')}}}` },
      secrets: [v(key, 'AccessToken')],
      warning: `OAuth 2.0 scheme "${key}" (${flowNames.join(', ')} flow) imported as a bearer token: obtain a token and set {{${v(key, 'AccessToken')}}}; Statuscope runs only the client-credentials flow`,
    };
  }
  return {
    auth: { type: 'none' },
    secrets: [],
    warning: `security scheme "${key}" (${type || 'unknown type'}) is not supported; auth set to none`,
  };
}

/**
 * A security requirement list (`[{schemeA: [scopes]}, {schemeB: []}]`: alternatives, each an AND of
 * schemes) → one auth. The first alternative Statuscope can send wins; `[]` means no auth.
 */
export function mapRequirement(
  requirements: unknown,
  schemes: Record<string, unknown>,
): MappedScheme | undefined {
  if (!Array.isArray(requirements)) return undefined;
  const alternatives = requirements.filter(isRecord);
  if (alternatives.length === 0 || alternatives.some((a) => Object.keys(a).length === 0))
    return { auth: { type: 'none' }, secrets: [] };
  let fallback: MappedScheme | undefined;
  for (const alternative of alternatives) {
    const keys = Object.keys(alternative);
    const [key] = keys;
    if (key === undefined) continue;
    const mapped = mapScheme(
      key,
      schemes[key],
      asArray(alternative[key]).map((x) => asText(x)),
    );
    const extra =
      keys.length > 1
        ? `the requirement also needs ${keys.slice(1).join(', ')}; only "${key}" is applied`
        : undefined;
    const warning = [mapped.warning, extra].filter(Boolean).join('; ') || undefined;
    const result = warning ? { ...mapped, warning } : mapped;
    if (!mapped.warning && !extra) return result;
    fallback ??= result;
  }
  return fallback;
}
