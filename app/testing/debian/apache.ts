/**
 * Apache httpd as an origin serving a static folder (mod_dav not loaded), as the 501 corpus recorded its
 * origin role (shared corpus servers/apache2.sh) minus WebDAV, but as one foreground process (`-X`) on an
 * ephemeral port with config, pid, logs and the document root in a temp folder. Modules load from
 * Debian's /usr/lib/apache2/modules; Debian's conf-available/security.conf defaults are repeated.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findAccount } from './accounts';
import { runningAsRoot } from './binaries';
import { freePort, spawnServer, tempServerDir, type LiveServer } from './process';

export const APACHE_MODULES = '/usr/lib/apache2/modules';

export interface ApacheOriginOptions {
  binary: string;
  /** Files to serve: path relative to the document root → content. */
  files: Record<string, string>;
}

/** The access log's format: client, request line, status, bytes. */
export const APACHE_ACCESS_LOG = 'access.log';

export function apacheOriginConfig(
  dir: string,
  port: number,
  run: { user: string; group: string } | undefined,
): string {
  const www = join(dir, 'www');
  return `# static origin, no WebDAV; written by app/testing/debian/apache.ts
ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${join(dir, 'httpd.pid')}"
Mutex file:${dir} default
LoadModule mpm_prefork_module ${APACHE_MODULES}/mod_mpm_prefork.so
LoadModule authz_core_module ${APACHE_MODULES}/mod_authz_core.so
LoadModule mime_module ${APACHE_MODULES}/mod_mime.so
LoadModule dir_module ${APACHE_MODULES}/mod_dir.so
${run ? `User ${run.user}\nGroup ${run.group}\n` : ''}TypesConfig /etc/mime.types
ServerTokens OS
ServerSignature On
TraceEnable Off
HostnameLookups Off
ErrorLog "${join(dir, 'error.log')}"
LogLevel warn
LogFormat "%h \\"%r\\" %>s %b" live
CustomLog "${join(dir, APACHE_ACCESS_LOG)}" live
DocumentRoot "${www}"
DirectoryIndex index.html
<Directory "${www}">
  Options None
  AllowOverride None
  Require all granted
</Directory>
`;
}

/** Starts Apache serving `files`; resolves once it accepts connections. */
export async function startApacheOrigin(options: ApacheOriginOptions): Promise<LiveServer> {
  const dir = await tempServerDir('apache2');
  const port = await freePort();
  const www = join(dir, 'www');
  await mkdir(www);
  for (const [path, content] of Object.entries(options.files)) {
    const full = join(www, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, content);
  }
  // As root, Apache serves as www-data (Debian's build refuses `User root`): the temp folder (mkdtemp
  // makes it 0700) must be enterable and the files readable. Logs and pid are opened before the switch.
  let run: { user: string; group: string } | undefined;
  if (runningAsRoot()) {
    const account = await findAccount('www-data', 'nobody');
    if (account) run = { user: account.name, group: `#${account.gid}` };
    await chmod(dir, 0o755);
  }
  const conf = join(dir, 'httpd.conf');
  await writeFile(conf, apacheOriginConfig(dir, port, run));
  return spawnServer({
    name: 'apache2',
    binary: options.binary,
    // -X: one process, in the foreground (httpd(8) "debug mode").
    args: ['-X', '-f', conf, '-DFOREGROUND'],
    port,
    dir,
    startupLogs: ['error.log'],
  });
}
