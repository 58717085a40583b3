/**
 * Servers started as root drop to an unprivileged Debian account (squid: `proxy`, apache2: `www-data`);
 * the files they write after that must sit in a folder that account owns. Node has no getpwnam, so the
 * ids come from /etc/passwd (format: passwd(5)).
 */
import { chown, readFile } from 'node:fs/promises';

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The first of `names` that /etc/passwd lists, or undefined. */
export async function findAccount(...names: string[]): Promise<Account | undefined> {
  const text = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const accounts = new Map<string, Account>();
  for (const line of text.split('\n')) {
    // name:password:uid:gid:gecos:home:shell
    const [name, , uid, gid] = line.split(':');
    if (name === undefined || uid === undefined || gid === undefined) continue;
    const u = Number(uid);
    const g = Number(gid);
    if (Number.isInteger(u) && Number.isInteger(g)) accounts.set(name, { name, uid: u, gid: g });
  }
  for (const name of names) {
    const found = accounts.get(name);
    if (found) return found;
  }
  return undefined;
}

/** Hands `paths` to `account` (only meaningful as root, where the server would otherwise be locked out). */
export async function giveTo(account: Account, ...paths: string[]): Promise<void> {
  for (const path of paths) await chown(path, account.uid, account.gid);
}
