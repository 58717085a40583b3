/**
 * The "Lab" collection the app opens on first start: one saved request per lab route, addressed through
 * the `{{lab}}` (origin) and `{{labProxy}}` (proxy) variables so the collection survives a new port.
 */
import {
  collectionFileSchema,
  savedRequestSchema,
  type Assertion,
  type CollectionFile,
  type SavedRequest,
} from '../contract/collection';
import type { LabInfo, LabRoute } from '../contract/lab-ops';

export interface LabCollection {
  collection: CollectionFile;
  /** `file` is the request's file name in the collection folder. */
  requests: Array<{ file: string; request: SavedRequest }>;
}

export const LAB_VARIABLE = 'lab';
export const LAB_PROXY_VARIABLE = 'labProxy';

function assertionsFor(route: LabRoute): Assertion[] {
  // The flaky report alternates by design, so its saved request accepts both of its answers.
  const status: Assertion =
    route.cause === 'misused-501'
      ? { kind: 'status-in', values: [200, route.expectedStatus] }
      : { kind: 'status-equals', value: route.expectedStatus };
  const headers: Assertion[] =
    route.cause === 'misused-501'
      ? []
      : route.expectHeaders
          .filter((h) => h.present)
          .map((h) =>
            h.equals === undefined
              ? { kind: 'header-present', name: h.name }
              : { kind: 'header-equals', name: h.name, value: h.equals },
          );
  const cause: Assertion[] =
    route.cause === null || route.cause === 'misused-501'
      ? []
      : [{ kind: 'diagnosed-cause', cause: route.cause }];
  return [status, ...headers, ...cause];
}

function savedRequest(route: LabRoute): SavedRequest {
  const variable = route.via === 'origin' ? LAB_VARIABLE : LAB_PROXY_VARIABLE;
  const contentType = route.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
  const needsRaw = route.headers.some(([n]) => n.toLowerCase() === 'transfer-encoding');
  const notes = [
    route.explanation,
    `Reference: ${route.rfc}.`,
    ...(needsRaw
      ? ['Ordinary HTTP clients refuse to send an unknown Transfer-Encoding: send this one in raw mode.']
      : []),
  ].join('\n\n');
  return savedRequestSchema.parse({
    name: route.title,
    method: route.method,
    url: `{{${variable}}}${route.path}`,
    headers: route.headers
      .filter(([n]) => n.toLowerCase() !== 'content-type' || route.body === null)
      .map(([name, value]) => ({ name, value })),
    body:
      route.body === null
        ? { kind: 'none' }
        : { kind: 'text', text: route.body, ...(contentType === undefined ? {} : { contentType }) },
    auth: { type: 'none' },
    assertions: assertionsFor(route),
    notes,
  });
}

export function labCollection(lab: LabInfo): LabCollection {
  // A URL cannot express the asterisk-form target of `OPTIONS *` (RFC 9112 §3.2.4), so that route stays out.
  const routes = lab.routes.filter((r) => r.path !== '*');
  const requests = routes.map((route) => ({ file: `${route.id}.yaml`, request: savedRequest(route) }));
  const collection = collectionFileSchema.parse({
    name: 'Lab',
    description:
      'The built-in practice API. {{lab}} is the origin, {{labProxy}} the reverse proxy in front of it. Each request produces one status on purpose; its notes say why.',
    variables: [
      { name: LAB_VARIABLE, value: lab.originUrl },
      { name: LAB_PROXY_VARIABLE, value: lab.proxyUrl },
    ],
    order: requests.map((r) => r.file),
  });
  return { collection, requests };
}
