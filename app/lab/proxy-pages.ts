/**
 * The pages the lab's proxy writes itself. Like a real gateway's error pages they name the proxy, not the
 * origin, in `Server`, `Via` and the body: the evidence that tells a proxy-originated status from a relayed
 * one. The wording is the lab's own.
 */
import type { HeaderPair } from '../contract/exchange';
import { escapeHtml, reasonPhrase, type LabResponse } from './http-response';

export const PROXY_NAME = 'statuscope-lab-proxy';
export const PROXY_SERVER = `${PROXY_NAME}/1.0`;
/** RFC 9110 §7.6.3: received-protocol and received-by; the lab's proxy names itself by pseudonym. */
export const PROXY_VIA = `1.1 ${PROXY_NAME}`;

export function proxyHeaders(extra: HeaderPair[] = []): HeaderPair[] {
  return [['Server', PROXY_SERVER], ...extra, ['Via', PROXY_VIA]];
}

export function proxyPage(
  status: number,
  explanation: string,
  proxyAddress: string,
  close = false,
): LabResponse {
  const title = `${status} ${reasonPhrase(status)}`;
  const body = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(explanation)}</p>`,
    '<hr>',
    `<address>${PROXY_SERVER} (the Statuscope lab's reverse proxy) at ${escapeHtml(proxyAddress)}</address>`,
    '</body></html>',
    '',
  ].join('\n');
  return {
    status,
    headers: proxyHeaders([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Cache-Control', 'no-store'],
    ]),
    body,
    close,
  };
}
