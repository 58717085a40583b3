/**
 * Squid as a reverse proxy (accelerator mode) in front of an origin on 127.0.0.1, configured as the 501
 * corpus recorded it (shared corpus servers/squid.sh), but as a non-daemon child (`-N`) on an ephemeral port
 * with config, pid and logs in a temp folder, and caching off (`cache deny all`) so every answer is fresh.
 *
 * `relayMethods`, when given, is the common hardening rule "refuse unlisted methods at the edge": an
 * `http_access deny` on a method ACL whose `deny_info` answers 501 with Squid's own ERR_UNSUP_REQ page
 * (squid.conf.documented, TAG deny_info: "A different 4xx or 5xx may be specified by prefixing the file
 * name with the code and a colon").
 */
import { readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findAccount, giveTo } from './accounts';
import { runningAsRoot } from './binaries';
import { freePort, spawnServer, tempServerDir, type LiveServer } from './process';

/** Where glibc's shm_open(3) keeps POSIX shared memory on Linux. */
const SHM_DIR = '/dev/shm';

export interface SquidOptions {
  binary: string;
  originPort: number;
  /** Methods relayed to the origin; any other gets Squid's own 501. Omit to relay every method. */
  relayMethods?: string[];
  /** Name in `Via` and on Squid's error pages. */
  visibleHostname?: string;
}

export function squidConfig(
  dir: string,
  port: number,
  options: SquidOptions,
  user: string | undefined,
): string {
  const methodRule = options.relayMethods
    ? [
        `acl relayed_methods method ${options.relayMethods.join(' ')}`,
        'http_access deny !relayed_methods',
        'deny_info 501:ERR_UNSUP_REQ relayed_methods',
      ]
    : [];
  return [
    '# reverse proxy ("accelerator") in front of one origin; written by app/testing/debian/squid.ts',
    `http_port 127.0.0.1:${port} accel defaultsite=127.0.0.1 no-vhost`,
    // no-digest: otherwise Squid fetches /squid-internal-periodic/store_digest from the origin, which
    // would show up in the origin's request log the tests read.
    `cache_peer 127.0.0.1 parent ${options.originPort} 0 no-query no-digest originserver name=origin`,
    'cache_peer_access origin allow all',
    'never_direct allow all',
    ...methodRule,
    'http_access allow localhost',
    'http_access deny all',
    'cache deny all',
    'cache_mem 8 MB',
    // No other listeners and no outside traffic: DNS goes to loopback, where nothing answers.
    'icp_port 0',
    'htcp_port 0',
    'pinger_enable off',
    'dns_nameservers 127.0.0.1',
    `visible_hostname ${options.visibleHostname ?? 'statuscope-live-squid'}`,
    ...(user ? [`cache_effective_user ${user}`] : []),
    `pid_filename ${join(dir, 'squid.pid')}`,
    `access_log stdio:${join(dir, 'access.log')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    'cache_store_log none',
    `coredump_dir ${dir}`,
    'shutdown_lifetime 0 seconds',
    '',
  ].join('\n');
}

function removeSharedMemory(service: string): void {
  let names: string[];
  try {
    names = readdirSync(SHM_DIR);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${service}-`)) rmSync(join(SHM_DIR, name), { force: true });
}

/** Starts Squid in front of `originPort`; resolves once it accepts connections. */
export async function startSquidAccel(options: SquidOptions): Promise<LiveServer> {
  const dir = await tempServerDir('squid');
  const port = await freePort();
  // As root Squid drops to its effective user (Debian: `proxy`) before opening its logs.
  const account = runningAsRoot() ? await findAccount('proxy', 'nobody') : undefined;
  if (account) await giveTo(account, dir);
  const conf = join(dir, 'squid.conf');
  await writeFile(conf, squidConfig(dir, port, options, account?.name));
  // -n: Squid names its shared-memory segments (/dev/shm/<service>-cf__*.shm) after the service name, so
  // two instances with the default name "squid" running at once would share them. One name per instance.
  const service = `statuscope${port}`;
  return spawnServer({
    name: 'squid',
    binary: options.binary,
    args: ['-N', '-n', service, '-f', conf],
    port,
    dir,
    readyTimeoutMs: 15_000,
    startupLogs: ['cache.log'],
    // Squid's orderly shutdown takes about 2 s even with `shutdown_lifetime 0`; nothing it holds is
    // needed after a test, so it is killed, and the segments it would have unlinked are removed here.
    stopSignal: 'SIGKILL',
    cleanup: () => removeSharedMemory(service),
  });
}
