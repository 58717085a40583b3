/**
 * Which Via hop wrote a response, from general signals rather than fingerprints, so it works for proxies
 * the knowledge base has never seen. Each signal is reasoned from how intermediaries behave:
 *
 * - A proxy that relays a response keeps the origin's `Server` and appends itself to `Via` instead
 *   (RFC 2616 §14.38: "the proxy application MUST NOT modify the Server response-header. Instead, it
 *   SHOULD include a Via field"; RFC 9110 §7.6.3 keeps Via as the intermediaries' record). So a `Server`
 *   whose product token is the received-by pseudonym of a Via entry was written by that hop itself. The
 *   optional Via comment usually names the hop's software (`1.1 cache1 (squid/5.7)`); `Server` naming that
 *   software is weaker evidence, because the origin may run the same software.
 *   Exception: products documented to overwrite `Server` on everything they relay (nginx, Cloudflare,
 *   Google's front end: `rewritesServer` in app/knowledge) — for them the match proves nothing.
 * - Built-in error pages sign themselves in an `<address>` footer (Apache: "Apache/2.4 Server at host
 *   Port 80"). A footer that names a Via hop (its pseudonym or host:port) was written by that hop. When
 *   that name is also the host the client addressed, it is weak and links nothing: an origin behind a
 *   proxy that preserves Host (Apache's ProxyPreserveHost) names the same host in its own footer.
 * - A footer naming the same product as `Server` shows that software wrote the body as well as the
 *   head; it counts only with the `Server`↔Via link, which says that software is the hop.
 * - A page that calls its writer a proxy or gateway counts only once a hop is linked: an origin's page
 *   may talk about proxies too.
 *
 * None of this fires where the origin wrote a relayed 501: its `Server` and its footer name the origin,
 * not the hop in Via.
 */
import type { Evidence } from '../contract/diagnosis-ops';
import type { HeaderPair } from '../contract/exchange';
import type { FingerprintMatch } from '../knowledge/fingerprints';

export interface ViaEntry {
  /** The entry as sent, e.g. `1.1 cache1 (squid/5.7)`. */
  raw: string;
  /** received-by, lower-cased: a pseudonym or host[:port] (RFC 9110 §7.6.3). */
  receivedBy: string;
  host: string;
  port: string | null;
  /** Product names in the comment, lower-cased, without versions (`squid`). */
  software: string[];
}

export interface HopAuthorship {
  entry: ViaEntry;
  /** The hop as shown to a user: its received-by as sent. */
  name: string;
  /** A per-deployment name (pseudonym or host) ties the response to the hop, not just its software. */
  linked: boolean;
  /** Evidence weight for proxy-originated, capped at 5. */
  points: number;
  evidence: Evidence[];
}

export interface HopInput {
  headers: readonly HeaderPair[];
  body: string;
  mediaType: string;
  bodyVisible: string;
  /** The product that `Server` names, if a fingerprint recognised it. */
  identity: FingerprintMatch | null;
  /** The host[:port] the client connected to (the request URL's host). */
  urlHost: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const IP_OR_LOCAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]|localhost)$/i;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a Via field list on commas outside comments (a comment may contain commas). */
function splitList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** RFC 9110 §7.6.3: Via = #( received-protocol RWS received-by [ RWS comment ] ). */
export function parseVia(values: readonly string[]): ViaEntry[] {
  const entries: ViaEntry[] = [];
  for (const part of values.flatMap(splitList)) {
    const m = /^(\S+)\s+([^\s(]+)\s*(?:\((.*)\))?/.exec(part);
    if (!m?.[2]) continue;
    const receivedBy = m[2].toLowerCase();
    const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(receivedBy);
    const software = (m[3] ?? '')
      .split(/\s+/)
      .map((w) => productName(w))
      .filter((w): w is string => w !== null);
    entries.push({ raw: part, receivedBy, host: hp?.[1] ?? receivedBy, port: hp?.[2] ?? null, software });
  }
  return entries;
}

/** The product name of a product token (`nginx/1.22.1` → `nginx`), lower-cased; null when too short to mean anything. */
export function productName(text: string): string | null {
  const t = TOKEN.exec(text.trim())?.[0]?.split('/')[0]?.toLowerCase() ?? '';
  return t.length >= 3 ? t : null;
}

/** The first product of `Server`, lower-cased. */
export function serverProduct(headers: readonly HeaderPair[]): string | null {
  const server = headers.find(([n]) => n.toLowerCase() === 'server')?.[1];
  return server === undefined ? null : productName(server);
}

export function viaEntries(headers: readonly HeaderPair[]): ViaEntry[] {
  return parseVia(headers.filter(([n]) => n.toLowerCase() === 'via').map(([, v]) => v));
}

/** The text of an HTML page's `<address>` footer, tags stripped. */
export function addressFooter(body: string): string | null {
  const m = /<address\b[^>]*>([\s\S]{0,600}?)<\/address>/i.exec(body);
  if (!m?.[1]) return null;
  const text = m[1]
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** `host:port` or `[v6]:port` → the host, lower-cased. */
function hostnameOf(hostPort: string): string {
  return (/^(\[[^\]]+\]|[^:]+)/.exec(hostPort.toLowerCase())?.[1] ?? '').trim();
}

const wordIn = (text: string, word: string) =>
  new RegExp(`(^|[^\\w.-])${escapeRe(word)}($|[^\\w-])`, 'i').test(text);

/** Does the footer name this hop: its pseudonym, its host and port (host:port or Apache's "host Port n")? */
function footerNamesHop(address: string, e: ViaEntry): 'name' | 'host' | null {
  if (e.port !== null) {
    const hostPort = new RegExp(`${escapeRe(e.host)}(:| Port )${e.port}\\b`, 'i');
    return hostPort.test(address) ? 'host' : null;
  }
  if (IP_OR_LOCAL.test(e.host)) return null;
  return wordIn(address, e.host) ? 'name' : null;
}

const PROXY_WORDING = /\b(?:(?:reverse|forward|caching) )?proxy\b|\bgateway\b|\bload[- ]balancer\b/i;

function scoreEntry(
  e: ViaEntry,
  input: HopInput,
  server: string | null,
  address: string | null,
): HopAuthorship {
  const evidence: Evidence[] = [];
  let points = 0;
  const add = (w: number, observed: string, inference: string) => {
    points += w;
    evidence.push({ observed, inference, source: 'response' });
  };
  const serverHeader = input.headers.find(([n]) => n.toLowerCase() === 'server')?.[1] ?? '';
  const serverTrusted = server !== null && input.identity?.fingerprint.rewritesServer === undefined;
  const byName = serverTrusted && server === e.host;
  const bySoftware = serverTrusted && !byName && e.software.includes(server);
  if (byName)
    add(
      2.5,
      `Server: ${serverHeader}, Via: ${e.raw}`,
      `Server names the hop "${e.receivedBy}" from Via; a proxy that relays keeps the origin's Server and only appends Via, so that hop wrote this response itself`,
    );
  else if (bySoftware)
    // Below the combiner's threshold on its own (0.9 points): a software match alone is not a finding.
    add(
      0.75,
      `Server: ${serverHeader}, Via: ${e.raw}`,
      `Server names the software of the Via hop "${e.receivedBy}"; that hop likely wrote this response (unless the origin runs the same software)`,
    );
  let named: 'name' | 'host' | null = null;
  let atClient = false;
  if (address !== null) {
    named = footerNamesHop(address, e);
    // The host the client addressed: an origin behind a Host-preserving proxy names it in its footer too.
    atClient = named !== null && e.host === hostnameOf(input.urlHost);
    if (named !== null)
      add(
        atClient ? 0.5 : 1.5,
        `<address>${address}</address>`,
        `the page's footer names the Via hop "${e.receivedBy}": that hop signed this page`,
      );
    else if (e.software.some((w) => wordIn(address, w)))
      add(0.5, `<address>${address}</address>`, `the page's footer names the Via hop's software`);
    if ((byName || bySoftware) && server !== null && wordIn(address, server))
      add(
        1,
        `<address>${address}</address> and Server: ${serverHeader}`,
        `the footer names the product in Server: ${server} wrote the body too, not only the head`,
      );
  }
  const linked = byName || (named !== null && !atClient);
  const looksLikePage = /html/i.test(input.mediaType) || /^\s*</.test(input.body);
  const wording = looksLikePage ? PROXY_WORDING.exec(input.bodyVisible)?.[0] : undefined;
  if (linked && wording !== undefined)
    add(1, `the page says "${wording}"`, 'the error page says a proxy or gateway wrote it');
  return {
    entry: e,
    name: e.raw.split(/\s+/)[1] ?? e.receivedBy,
    linked,
    points: Math.min(points, 5),
    evidence,
  };
}

/**
 * The Via hop the response's own signals tie it to, if any. `extraVia` adds hops learned elsewhere (a
 * probe relayed through the same path), for a proxy that does not put Via on its own answers.
 */
export function hopAuthorship(input: HopInput, extraVia: readonly ViaEntry[] = []): HopAuthorship | null {
  const own = viaEntries(input.headers);
  const seen = new Set(own.map((e) => e.receivedBy));
  const entries = [...own, ...extraVia.filter((e) => !seen.has(e.receivedBy))];
  if (entries.length === 0) return null;
  const server = serverProduct(input.headers);
  const address =
    /html/i.test(input.mediaType) || /^\s*</.test(input.body) ? addressFooter(input.body) : null;
  // Via runs origin-side first, so the last entry is the hop nearest the client: prefer it on a tie.
  let best: HopAuthorship | null = null;
  for (const e of entries) {
    const h = scoreEntry(e, input, server, address);
    if (h.points > 0 && (best === null || h.points >= best.points)) best = h;
  }
  return best;
}
