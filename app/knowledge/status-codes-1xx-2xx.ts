/**
 * Informational (1xx) and successful (2xx) statuses. Sources: RFC 9110 §15.2–15.3 and the extension
 * specs the IANA registry names (RFC 2518, 8297, 4918, 5842, 3229, draft-ietf-httpbis-resumable-upload).
 * 1xx responses are interim: a final status always follows, and they are never cached.
 */
import { defineStatus } from './status-entry';
import type { StatusEntry } from './types';

const interim = {
  semantics: 'not-applicable',
  advice: 'Interim response: keep waiting for the final status on the same exchange.',
} as const;

const done = { semantics: 'not-applicable', advice: 'Nothing failed; there is nothing to retry.' } as const;

export const STATUSES_1XX_2XX: readonly StatusEntry[] = [
  defineStatus({
    code: 100,
    reason: 'Continue',
    ref: 'RFC 9110 §15.2.1',
    meaning:
      'The server has received the request head and has not rejected it: the client should go on sending the content. It answers a request that carried `Expect: 100-continue` (RFC 9110 §10.1.1), so a client can learn before uploading a large body whether the server would refuse it. A final status follows.',
    cacheableByDefault: false,
    retry: interim,
    confusions: [
      {
        code: 417,
        rule: '100 says "go ahead and send the content"; 417 says the server cannot meet the expectation.',
      },
    ],
  }),
  defineStatus({
    code: 101,
    reason: 'Switching Protocols',
    ref: 'RFC 9110 §15.2.2',
    meaning:
      "The server agrees to the client's Upgrade request and switches this connection to another protocol (for example WebSocket) right after the empty line that ends this response. It exists only in HTTP/1.1: HTTP/2 and HTTP/3 do not support the Upgrade mechanism.",
    cacheableByDefault: false,
    retry: interim,
    headers: [
      {
        header: 'Upgrade',
        level: 'MUST',
        ref: 'RFC 9110 §15.2.2',
        why: 'Names the protocol(s) in effect after this response.',
      },
    ],
    confusions: [
      {
        code: 426,
        rule: '101 accepts an upgrade the client offered; 426 refuses to serve until the client upgrades.',
      },
    ],
  }),
  defineStatus({
    code: 102,
    reason: 'Processing',
    ref: 'RFC 2518 §10.1',
    meaning:
      'WebDAV interim response: the server has accepted the complete request and is still working on it, sent so the client does not time out during a long operation. RFC 4918 dropped it from WebDAV for lack of implementations, yet it remains registered and a few servers still send it.',
    cacheableByDefault: false,
    retry: interim,
    confusions: [
      {
        code: 202,
        rule: '102 is interim and a final status follows on the same exchange; 202 is final and the work continues after it.',
      },
    ],
  }),
  defineStatus({
    code: 103,
    reason: 'Early Hints',
    ref: 'RFC 8297 §2',
    meaning:
      'Interim response carrying header fields the final response is likely to have, above all `Link: …; rel=preload`, so a browser can start fetching subresources while the server is still preparing the real answer. Clients that do not understand it simply ignore it.',
    cacheableByDefault: false,
    retry: interim,
    headers: [
      {
        header: 'Link',
        level: 'MAY',
        ref: 'RFC 8297 §2',
        why: 'The usual payload of a 103: preload or preconnect hints for the final response.',
      },
    ],
    confusions: [
      {
        code: 100,
        rule: '100 tells the client to send its content; 103 gives hints about the response to come.',
      },
    ],
  }),
  defineStatus({
    code: 104,
    reason: 'Upload Resumption Supported',
    registration: 'temporary',
    ref: 'draft-ietf-httpbis-resumable-upload-05',
    meaning:
      'Interim response from the resumable-upload work in progress: the server tells the client, during an upload, that it supports resuming this upload and where the upload resource lives, so an interrupted transfer can continue instead of starting over. The registration is temporary (it expires unless the draft is renewed or published).',
    cacheableByDefault: false,
    retry: interim,
  }),
  defineStatus({
    code: 200,
    reason: 'OK',
    ref: 'RFC 9110 §15.3.1',
    meaning:
      "The request succeeded. What the content means depends on the method: the target's representation for GET, the result of the action for POST, a status report for PUT or DELETE, and so on. Heuristically cacheable.",
    cacheableByDefault: true,
    retry: done,
    confusions: [
      {
        code: 204,
        rule: '204 means there is no content at all; a 200 with an empty body says the content is empty.',
      },
      { code: 201, rule: 'When a request created a resource, 201 (with Location) says so; 200 does not.' },
    ],
  }),
  defineStatus({
    code: 201,
    reason: 'Created',
    ref: 'RFC 9110 §15.3.2',
    meaning:
      'The request succeeded and created one or more new resources. The primary one is identified by the Location header field or, if there is none, by the target URI itself (as after a PUT).',
    cacheableByDefault: false,
    retry: done,
    headers: [
      {
        header: 'Location',
        level: 'SHOULD',
        ref: 'RFC 9110 §9.3.3',
        why: 'After a POST that created a resource, the origin should say where it is.',
      },
    ],
    confusions: [
      { code: 202, rule: '201 means the resource exists now; 202 means the work was only queued.' },
      {
        code: 200,
        rule: 'Use 201 when something new was created, 200 when an existing thing was returned or changed.',
      },
    ],
  }),
  defineStatus({
    code: 202,
    reason: 'Accepted',
    ref: 'RFC 9110 §15.3.3',
    meaning:
      'The request was accepted for processing, but processing has not finished and may still fail. HTTP has no way to send a second status later, so the content should describe the current state and point to where the client can check progress.',
    cacheableByDefault: false,
    retry: {
      semantics: 'not-applicable',
      advice: 'Do not resend; poll the status resource the response points to.',
    },
    confusions: [
      { code: 201, rule: '202 is a promise to do the work; 201 reports work already done.' },
      { code: 102, rule: '202 is the final status of the exchange; 102 is interim.' },
    ],
  }),
  defineStatus({
    code: 203,
    reason: 'Non-Authoritative Information',
    ref: 'RFC 9110 §15.3.4',
    meaning:
      'The request succeeded, but a transforming proxy changed the 200 response content on its way from the origin. It lets the recipient know the content is not exactly what the origin sent. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: done,
    confusions: [{ code: 200, rule: '203 is a 200 that an intermediary has transformed.' }],
  }),
  defineStatus({
    code: 204,
    reason: 'No Content',
    ref: 'RFC 9110 §15.3.5',
    meaning:
      'The request succeeded and there is no content to send. Header fields may still carry metadata (an ETag after a PUT, say). A 204 cannot have content: everything after the header section ends is not part of it. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: done,
    confusions: [
      { code: 205, rule: "204 leaves the client's view as it is; 205 asks it to reset the form or view." },
      { code: 200, rule: 'A 200 can carry a representation; a 204 never does.' },
    ],
  }),
  defineStatus({
    code: 205,
    reason: 'Reset Content',
    ref: 'RFC 9110 §15.3.6',
    meaning:
      'The request succeeded and the client should reset the document view that sent it, for example clear a form so the user can enter the next item. The server must not send content with a 205.',
    cacheableByDefault: false,
    retry: done,
    confusions: [{ code: 204, rule: '205 asks for the view to be reset; 204 asks for nothing.' }],
  }),
  defineStatus({
    code: 206,
    reason: 'Partial Content',
    ref: 'RFC 9110 §15.3.7',
    meaning:
      'The server is sending only the part(s) of the representation that a Range request asked for: one range described by Content-Range, or several as multipart/byteranges. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: done,
    headers: [
      {
        header: 'Content-Range',
        level: 'MUST',
        ref: 'RFC 9110 §15.3.7.1',
        why: 'A single-part 206 says which bytes it carries and the full length.',
      },
      {
        header: 'Content-Type',
        level: 'MUST',
        ref: 'RFC 9110 §15.3.7.2',
        why: 'A multi-part 206 is multipart/byteranges with its boundary parameter.',
      },
      {
        header: 'ETag',
        level: 'MUST',
        ref: 'RFC 9110 §15.3.7',
        why: 'Date, Cache-Control, ETag, Expires, Content-Location and Vary must appear if a 200 would carry them.',
      },
    ],
    confusions: [
      {
        code: 200,
        rule: 'A server may ignore Range and send 200 with the whole representation; 206 means it honoured it.',
      },
      {
        code: 416,
        rule: '206 serves a satisfiable range; 416 says none of the requested ranges overlaps the representation.',
      },
    ],
  }),
  defineStatus({
    code: 207,
    reason: 'Multi-Status',
    ref: 'RFC 4918 §11.1',
    meaning:
      'WebDAV: the content is an XML multistatus document carrying a separate status for each of several resources or properties. The 207 itself only says the report follows; individual entries inside may be failures.',
    cacheableByDefault: false,
    retry: {
      semantics: 'not-applicable',
      advice: 'Read the per-resource statuses inside; retry only the entries that failed.',
    },
    confusions: [
      { code: 200, rule: 'A 207 can hide failures; read each propstat or response status inside it.' },
    ],
  }),
  defineStatus({
    code: 208,
    reason: 'Already Reported',
    ref: 'RFC 5842 §7.1',
    meaning:
      'Used inside a WebDAV multistatus (DAV:propstat) response: the members of this binding were already listed earlier in the same response, so they are not enumerated again. It prevents endless output when bindings form a cycle.',
    cacheableByDefault: false,
    retry: done,
    confusions: [
      { code: 508, rule: '208 reports a loop gracefully inside a listing; 508 aborts the whole operation.' },
    ],
  }),
  defineStatus({
    code: 226,
    reason: 'IM Used',
    ref: 'RFC 3229 §10.4.1',
    meaning:
      'Delta encoding: the server fulfilled a GET and the response is the result of one or more instance manipulations (such as a diff against a version the client already holds) that the client asked for with A-IM. The client combines it with what it has to rebuild the current instance.',
    cacheableByDefault: false,
    retry: done,
    headers: [
      {
        header: 'ETag',
        level: 'MUST',
        ref: 'RFC 3229 §10.4.1',
        why: 'Gives the entity tag of the current instance the delta produces.',
      },
    ],
    confusions: [
      { code: 200, rule: 'A 200 carries the full representation; a 226 carries a transformation of it.' },
    ],
  }),
];
