/**
 * nginx as a reverse proxy (`proxy_pass`, nginx's defaults otherwise) in front of an origin on 127.0.0.1,
 * as the 501 corpus recorded it (shared corpus servers/nginx.sh), but in the foreground (`daemon off`) on an
 * ephemeral port, with prefix, pid, logs and temp paths inside a temp folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runningAsRoot } from './binaries';
import { freePort, spawnServer, tempServerDir, type LiveServer } from './process';

export interface NginxProxyOptions {
  binary: string;
  originPort: number;
}

export function nginxProxyConfig(dir: string, port: number, originPort: number, asRoot: boolean): string {
  const tmp = join(dir, 'tmp');
  return `# reverse proxy in front of one origin; written by app/testing/debian/nginx.ts
${asRoot ? '# As root, workers would run as "nobody" and could not enter the 0700 temp folder.\nuser root;\n' : ''}worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name _;
    location / { proxy_pass http://127.0.0.1:${originPort}; }
  }
}
`;
}

/** Starts nginx in front of `originPort`; resolves once it accepts connections. */
export async function startNginxProxy(options: NginxProxyOptions): Promise<LiveServer> {
  const dir = await tempServerDir('nginx');
  const port = await freePort();
  await mkdir(join(dir, 'tmp'));
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, nginxProxyConfig(dir, port, options.originPort, runningAsRoot()));
  return spawnServer({
    name: 'nginx',
    binary: options.binary,
    // -e: nginx opens its error log before reading the config; keep even that one out of /var/log.
    args: ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
    port,
    dir,
    startupLogs: ['error.log'],
  });
}
