/**
 * The origin's resources: what an ordinary JSON API answers, plus the deliberate cases the lab teaches.
 * Each resource lists the methods it allows; OPTIONS and HEAD are derived from that list in origin.ts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { HeaderPair } from '../contract/exchange';
import { headerGet } from './http-head';
import { jsonBody, type LabResponse } from './http-response';
import type { LabRequest } from './request-reader';

export const ORIGIN_SERVER = 'statuscope-lab-origin/1.0';

/** What this origin implements at all. Anything else is 501 on every path (RFC 9110 §9.1, §15.6.2). */
export const ORIGIN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

export interface OriginState {
  /** Requests seen by the flaky report, so "every other request" fails the same way for everyone. */
  reportRequests: number;
  /** How long /api/upstream/slow takes: longer than the proxy waits, so the proxy answers 504. */
  slowDelayMs: number;
  /** The lab's route list, for the index page. */
  index(): unknown;
}

export interface ResourceContext {
  request: LabRequest;
  url: URL;
  /** `http://host` as the client addressed this server (through the proxy: the proxy's address). */
  base: string;
  state: OriginState;
  signal: AbortSignal;
}

type ResourceHandler = (ctx: ResourceContext) => LabResponse | Promise<LabResponse>;

export interface Resource {
  /** Methods allowed on the resource, in the order `Allow` lists them. */
  allow: readonly string[];
  /**
   * The bug the 405 lint catches: a 405 without `Allow`, which RFC 9110 §15.5.6 requires ("MUST generate
   * an Allow header field"). OPTIONS still lists the methods, as such servers usually do.
   */
  omitAllowOn405?: boolean;
  /** Answers every method with this (the endpoint stub): checked before the server-wide method check. */
  anyMethod?: ResourceHandler;
  /** Handlers by method; HEAD uses GET's unless it has its own. */
  handlers: Record<string, ResourceHandler>;
}

export function originResponse(
  status: number,
  headers: HeaderPair[],
  body?: string,
  extra: Partial<LabResponse> = {},
): LabResponse {
  return {
    status,
    headers: [['Server', ORIGIN_SERVER], ...headers],
    ...(body === undefined ? {} : { body }),
    ...extra,
  };
}

export function originJson(status: number, value: unknown, headers: HeaderPair[] = []): LabResponse {
  return originResponse(status, [['Content-Type', 'application/json'], ...headers], jsonBody(value));
}

const ADA = { id: 42, name: 'Ada Lovelace', email: 'ada@example.test', role: 'admin' };

/** A body of at most 64 KiB echoed back as parsed JSON when it is JSON, else as a byte count. */
function parsedBody(request: LabRequest): unknown {
  const text = request.body.toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return null;
  }
}

function docsPage(title: string, paragraphs: string[]): LabResponse {
  const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</body></html>\n`;
  return originResponse(200, [['Content-Type', 'text/html; charset=utf-8']], body);
}

function dailyReport(): unknown {
  return { report: 'daily', date: new Date().toISOString().slice(0, 10), orders: 128, revenue: '5120.00' };
}

/** A stack trace as a misconfigured framework would print it into a response (the misused-501 case). */
const REPORT_STACK = [
  "TypeError: Cannot read properties of undefined (reading 'rows')",
  '    at buildDailyReport (/srv/reports/src/daily.js:42:17)',
  '    at async renderReport (/srv/reports/src/routes/reports.js:88:5)',
  '    at async Router.dispatch (/srv/reports/node_modules/router/index.js:211:9)',
  '',
].join('\n');

export const RESOURCES: Record<string, Resource> = {
  '/': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: ({ state }) => originJson(200, state.index(), [['Cache-Control', 'no-store']]),
    },
  },
  '/api/users': {
    allow: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    handlers: {
      GET: () =>
        originJson(
          200,
          [ADA, { id: 7, name: 'Grace Hopper', email: 'grace@example.test', role: 'member' }],
          [['Cache-Control', 'no-store']],
        ),
      POST: ({ request }) =>
        originJson(201, { id: 43, created: true, received: parsedBody(request) }, [
          ['Location', '/api/users/43'],
        ]),
    },
  },
  '/api/users/42': {
    allow: ['GET', 'HEAD', 'PATCH', 'OPTIONS'],
    handlers: {
      GET: () => originJson(200, ADA, [['Cache-Control', 'no-store']]),
      // RFC 5789: PATCH applies a partial modification; merge-patch style here.
      PATCH: ({ request }) => {
        const patch = parsedBody(request);
        const merged =
          patch !== null && typeof patch === 'object' && !Array.isArray(patch)
            ? { ...ADA, ...patch, id: 42 }
            : ADA;
        return originJson(200, merged);
      },
    },
  },
  '/api/orders/7': {
    allow: ['GET', 'HEAD', 'PUT', 'OPTIONS'],
    omitAllowOn405: true,
    handlers: {
      GET: () =>
        originJson(200, { id: 7, status: 'shipped', total: '42.00', currency: 'EUR' }, [
          ['Cache-Control', 'no-store'],
        ]),
      PUT: ({ request }) => originJson(200, { id: 7, replaced: true, received: parsedBody(request) }),
    },
  },
  '/api/echo': {
    allow: ['POST', 'OPTIONS'],
    handlers: {
      POST: ({ request }) =>
        originJson(200, {
          received_bytes: request.body.length,
          content_type: headerGet(request.headers, 'content-type') ?? null,
          transfer_encoding: headerGet(request.headers, 'transfer-encoding') ?? null,
        }),
    },
  },
  '/api/v2/payments/refunds': {
    allow: [],
    // The endpoint is routed but not built yet: 501 to every method, GET included (RFC 9110 §15.6.2).
    anyMethod: ({ base }) =>
      originJson(501, {
        error: 'not_implemented',
        message:
          'Refunds are planned for API v2 but not implemented yet. Use POST /api/v1/payments/refunds until then.',
        documentation_url: `${base}/docs/refunds-v2`,
        planned_for_version: '2.4.0',
      }),
    handlers: {},
  },
  '/v1/search': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: ({ url }) => {
        const q = url.searchParams.get('q');
        if (q === null)
          return originJson(400, { error: 'missing_parameter', message: 'v1 search takes ?q=<terms>' });
        return originJson(200, { api: 'v1', query: q, results: [{ id: 418, title: `Results for "${q}"` }] });
      },
    },
  },
  '/v2/search': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: ({ url, base }) => {
        const query = url.searchParams.get('query');
        if (query !== null)
          return originJson(200, {
            api: 'v2',
            query,
            fields: url.searchParams.get('fields') ?? 'title',
            results: [{ id: 418, title: `Results for "${query}"` }],
          });
        if (url.searchParams.has('q')) {
          // A retired syntax on a new version: the endpoint exists, the old form of the request is not implemented.
          return originJson(501, {
            error: 'not_implemented',
            message:
              'API v2 does not implement the v1 query syntax (?q=). Send ?query=<terms>&fields=<list> instead.',
            new_syntax: '/v2/search?query=<terms>&fields=<list>',
            example: `${base}/v2/search?query=${encodeURIComponent(url.searchParams.get('q') ?? '')}`,
            documentation_url: `${base}/docs/search-v2`,
          });
        }
        return originJson(400, {
          error: 'missing_parameter',
          message: 'v2 search takes ?query=<terms>&fields=<list>',
        });
      },
    },
  },
  '/docs/refunds-v2': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: () =>
        docsPage('Refunds API v2', [
          'Planned for version 2.4.0. Until it ships, <code>/api/v2/payments/refunds</code> answers 501 to every method; use <code>POST /api/v1/payments/refunds</code>.',
        ]),
    },
  },
  '/docs/search-v2': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: () =>
        docsPage('Search API v2', [
          'v2 replaces <code>?q=</code> with <code>?query=&lt;terms&gt;&amp;fields=&lt;list&gt;</code>. The old form answers 501 on v2; v1 keeps it.',
        ]),
    },
  },
  '/api/reports/daily': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      // Misuse: a crash reported as 501 on every other GET. 501 claims the server lacks the
      // functionality (RFC 9110 §15.6.2); a runtime failure is 500 (§15.6.1).
      GET: ({ state }) => {
        state.reportRequests += 1;
        if (state.reportRequests % 2 === 1)
          return originResponse(501, [['Content-Type', 'text/plain; charset=utf-8']], REPORT_STACK);
        return originJson(200, dailyReport(), [['Cache-Control', 'no-store']]);
      },
      // HEAD answers from the report's metadata without building it, so it never reaches the crash and
      // does not take a turn: a repeated GET is what shows the failure comes and goes.
      HEAD: () => originJson(200, dailyReport(), [['Cache-Control', 'no-store']]),
    },
  },
  '/api/legacy/export': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    // The export shipped; the proxy still holds the 501 an older release sent (proxy-cache.ts).
    handlers: {
      GET: () =>
        originJson(200, { export: 'orders', format: 'csv', rows: 128, status: 'ready' }, [
          ['Cache-Control', 'no-store'],
        ]),
    },
  },
  '/api/crash': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: () =>
        originJson(500, {
          error: 'internal_error',
          message: 'The order service failed while handling this request.',
          request_id: 'req_7f3a9c',
        }),
    },
  },
  '/api/maintenance': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      // RFC 9110 §15.6.4: a 503 may say when to come back.
      GET: () =>
        originJson(
          503,
          { error: 'maintenance', message: 'Down for scheduled maintenance; retry after two minutes.' },
          [['Retry-After', '120']],
        ),
    },
  },
  '/api/upstream/garbage': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    // Not HTTP at all, then a close: the proxy must answer 502 (RFC 9110 §15.6.3).
    handlers: {
      GET: () => ({ status: 0, headers: [], raw: Buffer.from('ERR backend pool exhausted\r\n', 'latin1') }),
    },
  },
  '/api/upstream/slow': {
    allow: ['GET', 'HEAD', 'OPTIONS'],
    handlers: {
      GET: async ({ state, signal }) => {
        await delay(state.slowDelayMs, undefined, { signal }).catch(() => undefined);
        return originJson(200, { report: 'quarterly', note: `took ${state.slowDelayMs} ms` });
      },
    },
  },
};
