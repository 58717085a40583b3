/**
 * Where the Debian packages put the servers the live tests start, and the reason string a test skips
 * with when one is missing (never a silent pass). `.ci/run` installs them on CI.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

export const DEBIAN_SERVERS = ['nginx', 'squid', 'apache2', 'python3'] as const;
export type DebianServer = (typeof DEBIAN_SERVERS)[number];

/**
 * Candidate paths, Debian's first. For python3 the packaged interpreter comes before any PATH shim
 * (pyenv and the like), so `http.server` is Debian's own.
 */
const CANDIDATES: Record<DebianServer, string[]> = {
  nginx: ['/usr/sbin/nginx'],
  squid: ['/usr/sbin/squid'],
  apache2: ['/usr/sbin/apache2'],
  python3: ['/usr/bin/python3', '/usr/local/bin/python3'],
};

const PACKAGE: Record<DebianServer, string> = {
  nginx: 'nginx',
  squid: 'squid',
  apache2: 'apache2',
  python3: 'python3',
};

export type BinaryLookup = { found: true; path: string } | { found: false; reason: string };

/** The server's executable, or why it cannot run here (for `t.skip(reason)`). */
export async function findDebianServer(server: DebianServer): Promise<BinaryLookup> {
  for (const path of CANDIDATES[server]) {
    try {
      await access(path, constants.X_OK);
      return { found: true, path };
    } catch {
      // Try the next candidate.
    }
  }
  return {
    found: false,
    reason: `${server} not installed (looked in ${CANDIDATES[server].join(', ')}): apt-get install ${PACKAGE[server]}`,
  };
}

/** True when this process may change user: servers started as root drop to an unprivileged account. */
export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
