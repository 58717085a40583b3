import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchRequests, writeBruno } from './run-collections';
const server = http.createServer((req, res) => { const b: Buffer[] = []; req.on('data', (c: Buffer) => b.push(c)); req.on('end', () => { const m = /^\/items\/(\d+)$/.exec(req.url ?? ''); const text = JSON.stringify(m ? { id: Number(m[1]), name: `item ${m[1]}` } : { ...JSON.parse(Buffer.concat(b).toString()), created: true }); res.writeHead(m ? 200 : 201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }); res.end(text); }); });
server.keepAliveTimeout = 30000;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const a = server.address(); if (!a || typeof a === 'string') throw new Error();
const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'zzb-')), 'b');
await writeBruno(dir, benchRequests(200), `http://127.0.0.1:${a.port}`);
const bru = path.join(os.tmpdir(), 'statuscope-bench-tools/bru/node_modules/@usebruno/cli/bin/bru.js');
for (let i = 0; i < 3; i++) {
  const r = spawnSync(process.execPath, [bru, 'run', '--env', 'bench', '-r', '--reporter-junit', path.join(dir, 'out.xml')], { cwd: dir, encoding: 'utf8' });
  console.log('exit', r.status);
  if (r.status !== 0) {
    const xml = await readFile(path.join(dir, 'out.xml'), 'utf8');
    const i2 = xml.indexOf('<failure');
    console.log(xml.slice(Math.max(0, i2 - 1500), i2 + 800));
    break;
  }
}
server.close();
