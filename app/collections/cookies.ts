/**
 * Per-collection cookie jars (tough-cookie, RFC 6265 rules), persisted in the app's data dir —
 * `<dataDir>/cookies/<hash of the collection root>.json` — never in the collection folder: cookies are
 * session state, often credentials, and must not end up in git.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CookieJar, type Cookie } from 'tough-cookie';
import { headerValues } from '../common/exchange';
import type { ExchangeRecord, RequestSpec } from '../contract/exchange';
import { isErrno, writeAtomic } from './atomic';
import { hasHeader } from './auth/static-auth';
import { serialized } from './lock';
import type { CookieView } from './types';

export type { CookieView } from './types';

const FORMAT = 'statuscope/cookies@1';

function newJar(): CookieJar {
  // Local development hosts (localhost, *.test) are this tool's daily bread: allow special-use domains.
  return new CookieJar(undefined, { allowSpecialUseDomain: true, rejectPublicSuffixes: true });
}

/** Adds the jar's cookies for the URL as one Cookie header; a Cookie header the user typed wins. */
export async function attachCookies(jar: CookieJar, spec: RequestSpec): Promise<RequestSpec> {
  if (hasHeader(spec.headers, 'cookie')) return spec;
  let cookie: string;
  try {
    cookie = await jar.getCookieString(spec.url);
  } catch {
    return spec; // not a URL the jar understands: nothing to attach
  }
  return cookie === '' ? spec : { ...spec, headers: [...spec.headers, ['Cookie', cookie]] };
}

/** Stores every Set-Cookie of every hop (a redirect's cookies count too); returns how many were kept. */
export async function storeSetCookies(jar: CookieJar, exchange: ExchangeRecord): Promise<number> {
  let stored = 0;
  for (const hop of exchange.hops) {
    if (!hop.response) continue;
    for (const value of headerValues(hop.response.headers, 'set-cookie')) {
      // ignoreError: a malformed or foreign-domain Set-Cookie is dropped, as a browser would, not fatal.
      const kept = await jar.setCookie(value, hop.url, { ignoreError: true }).catch(() => undefined);
      if (kept) stored++;
    }
  }
  return stored;
}

function view(c: Cookie): CookieView {
  // Max-Age wins over Expires (RFC 6265 §5.3 step 3); expiryTime() applies that rule against the creation time.
  const expiry = c.expiryTime();
  return {
    name: c.key,
    value: c.value,
    domain: c.domain,
    path: c.path,
    expires: expiry === undefined || !Number.isFinite(expiry) ? null : new Date(expiry).toISOString(),
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite ?? 'none',
    hostOnly: c.hostOnly ?? false,
  };
}

/** The jars of all collections, each loaded on first use and written back after every change. */
export class CookieJars {
  private readonly jars = new Map<string, Promise<CookieJar>>();
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'cookies');
  }

  fileFor(root: string): string {
    return path.join(this.dir, `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`);
  }

  private async load(root: string): Promise<CookieJar> {
    let text: string;
    try {
      text = await readFile(this.fileFor(root), 'utf8');
    } catch (thrown) {
      if (isErrno(thrown, 'ENOENT')) return newJar();
      throw thrown;
    }
    try {
      const json: unknown = JSON.parse(text);
      if (
        typeof json === 'object' &&
        json !== null &&
        'jar' in json &&
        typeof json.jar === 'object' &&
        json.jar !== null
      ) {
        return await CookieJar.deserialize(json.jar);
      }
    } catch {
      // A damaged cookie file costs the user a login, not the app: start empty.
    }
    return newJar();
  }

  jar(root: string): Promise<CookieJar> {
    let jar = this.jars.get(root);
    if (!jar) {
      jar = this.load(root);
      this.jars.set(root, jar);
    }
    return jar;
  }

  private async persist(root: string, jar: CookieJar): Promise<void> {
    await serialized(this.fileFor(root), async () => {
      await mkdir(this.dir, { recursive: true });
      const data = { format: FORMAT, root, jar: await jar.serialize() };
      await writeAtomic(this.fileFor(root), `${JSON.stringify(data)}\n`, 0o600);
    });
  }

  async attach(root: string, spec: RequestSpec): Promise<RequestSpec> {
    return attachCookies(await this.jar(root), spec);
  }

  async store(root: string, exchange: ExchangeRecord): Promise<number> {
    const jar = await this.jar(root);
    const stored = await storeSetCookies(jar, exchange);
    if (stored > 0) await this.persist(root, jar);
    return stored;
  }

  async list(root: string): Promise<CookieView[]> {
    const jar = await this.jar(root);
    const all = await jar.store.getAllCookies();
    return all
      .map(view)
      .sort((a, b) => `${a.domain}${a.path}${a.name}`.localeCompare(`${b.domain}${b.path}${b.name}`));
  }

  /** Clears all cookies of a collection, or only those of one domain; returns how many went. */
  async clear(root: string, domain?: string): Promise<number> {
    const jar = await this.jar(root);
    const all = await jar.store.getAllCookies();
    if (domain === undefined) {
      await jar.removeAllCookies();
      await rm(this.fileFor(root), { force: true });
      return all.length;
    }
    const doomed = all.filter((c) => c.domain === domain);
    for (const c of doomed) await jar.store.removeCookie(c.domain, c.path, c.key);
    if (doomed.length > 0) await this.persist(root, jar);
    return doomed.length;
  }
}
