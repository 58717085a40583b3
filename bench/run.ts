/**
 * `statuscope run` against newman (Postman's CLI) and bru (Bruno's CLI) on the same collection of 500
 * requests with five assertions each, all run against one local keep-alive server, each tool writing a
 * JUnit report as it would in CI. Wall-clock time of the whole process (start-up included, as CI pays it),
 * median of the rounds, and ratios against statuscope measured in the same run. Goal: ≥3× faster than
 * newman, ≥2× faster than bru. Not a pass/fail test and not part of `npm test` (STYLE.md, "Tests").
 *
 *   node --import tsx bench/run.ts [rounds=3] [requests=500]      (BENCH_KEEP=1 keeps the generated collections)
 *
 * newman@6.2.2 and @usebruno/cli@4.1.0 are installed on first use by this script, with npm, into
 * $TMPDIR/statuscope-bench-tools (not the project's node_modules). Statuscope runs as the built CLI
 * (dist/cli/statuscope.cjs) when that bundle has the `run` command; otherwise the script bundles the
 * command from source with esbuild, the same way scripts/build-node.mjs builds the CLI, and says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchRequests, writeBruno, writePostman, writeStatuscope } from './run-collections';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(os.tmpdir(), 'statuscope-bench-tools');
const rounds = Number(process.argv[2] ?? 3);
const count = Number(process.argv[3] ?? 500);

interface Tool {
  name: string;
  command: string[];
  cwd: string;
}

/** A JSON API that answers what the collection asserts, with keep-alive (newman and bru reuse connections). */
async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/items\/(\d+)$/.exec(req.url ?? '');
      let status = 404;
      let body: unknown = { error: 'not_found' };
      if (req.method === 'GET' && m) {
        status = 200;
        body = { id: Number(m[1]), name: `item ${m[1]}`, tags: ['bench', 'item'], price: Number(m[1]) * 1.5 };
      } else if (req.method === 'POST' && req.url === '/items') {
        status = 201;
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          body =
            typeof parsed === 'object' && parsed !== null ? { ...parsed, created: true } : { created: true };
        } catch {
          status = 400;
          body = { error: 'bad_json' };
        }
      }
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
        'X-Request-Id': `r${Math.random().toString(36).slice(2, 10)}`,
      });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Installs `spec` into its own prefix under TOOLS_DIR on first use; returns the path of its bin script. */
function ensureTool(name: string, spec: string, bin: string): string {
  const prefix = path.join(TOOLS_DIR, name);
  const script = path.join(prefix, 'node_modules', ...bin.split('/'));
  if (existsSync(script)) return script;
  console.log(`installing ${spec} into ${prefix} (first run only)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--prefix', prefix, spec, '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0 || !existsSync(script)) throw new Error(`could not install ${spec}`);
  return script;
}

/** The built CLI when it has `run`, else the command bundled from source (same esbuild settings as the build). */
async function statuscopeCli(work: string): Promise<{ script: string; how: string }> {
  const dist = path.join(ROOT, 'dist', 'cli', 'statuscope.cjs');
  if (
    existsSync(dist) &&
    spawnSync(process.execPath, [dist, 'run', '--help'], { stdio: 'ignore' }).status === 0
  ) {
    return { script: dist, how: 'the built CLI, dist/cli/statuscope.cjs' };
  }
  // Inside the repository so that its npm dependencies (left external, as in the build) resolve.
  const script = path.join(
    ROOT,
    'node_modules',
    '.cache',
    'statuscope-bench',
    `statuscope-run-${path.basename(work)}.cjs`,
  );
  await build({
    stdin: {
      contents: `import { runCommand } from './app/cli/commands/run';
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
void runCommand
  .run(process.argv.slice(2), { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t), env: process.env, cwd: process.cwd(), signal: controller.signal })
  .then((code) => process.stdout.write('', () => process.exit(code)));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    outfile: script,
  });
  return {
    script,
    how: 'the `run` command bundled from source with esbuild (dist/cli/statuscope.cjs has no `run` yet)',
  };
}

async function timed(tool: Tool): Promise<{ ms: number; code: number; tail: string }> {
  const started = performance.now();
  const [cmd = '', ...args] = tool.command;
  const child = spawn(cmd, args, {
    cwd: tool.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let tail = '';
  const keep = (c: Buffer) => {
    tail = (tail + c.toString('utf8')).slice(-2000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { ms: performance.now() - started, code, tail };
}

/** The lines of a tool's summary that say what failed (newman's and bru's tables), flattened. */
function lastLines(tail: string): string {
  const wanted = tail.split('\n').filter((l) => /fail|requests|assertions|error/i.test(l));
  return (wanted.length ? wanted : tail.split('\n').slice(-3))
    .map((l) =>
      l
        .replace(/[│┃|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join('; ')
    .slice(0, 300);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const newman = ensureTool('newman', 'newman@6.2.2', 'newman/bin/newman.js');
  const bru = ensureTool('bru', '@usebruno/cli@4.1.0', '@usebruno/cli/bin/bru.js');
  const work = await mkdtemp(path.join(os.tmpdir(), 'statuscope-bench-run-'));
  const server = await startServer();
  try {
    const requests = benchRequests(count);
    await writeStatuscope(path.join(work, 'statuscope'), requests, server.url);
    await writePostman(
      path.join(work, 'postman.json'),
      path.join(work, 'postman-env.json'),
      requests,
      server.url,
    );
    await writeBruno(path.join(work, 'bruno'), requests, server.url);
    const cli = await statuscopeCli(work);
    const node = process.execPath;
    const tools: Tool[] = [
      {
        name: 'statuscope run',
        command: [
          node,
          cli.script,
          path.join(work, 'statuscope'),
          '--env',
          'bench',
          '--reporter',
          'junit',
          '--out',
          path.join(work, 'statuscope.xml'),
        ],
        cwd: work,
      },
      {
        name: 'newman run',
        command: [
          node,
          newman,
          'run',
          path.join(work, 'postman.json'),
          '-e',
          path.join(work, 'postman-env.json'),
          '--reporters',
          'junit',
          '--reporter-junit-export',
          path.join(work, 'newman.xml'),
        ],
        cwd: work,
      },
      {
        name: 'bru run',
        command: [node, bru, 'run', '--env', 'bench', '-r', '--reporter-junit', path.join(work, 'bru.xml')],
        cwd: path.join(work, 'bruno'),
      },
      {
        name: 'statuscope run --concurrency 8',
        command: [
          node,
          cli.script,
          path.join(work, 'statuscope'),
          '--env',
          'bench',
          '--reporter',
          'junit',
          '--out',
          path.join(work, 'statuscope-c8.xml'),
          '--concurrency',
          '8',
        ],
        cwd: work,
      },
    ];
    console.log(
      `${count} requests × 5 assertions, ${rounds} round(s), server ${server.url}; statuscope is ${cli.how}.`,
    );
    const times = new Map<string, number[]>(tools.map((t) => [t.name, []]));
    const failures: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Rotate the order each round so no tool always runs on a warmer machine.
      for (const tool of [...tools.slice(round % tools.length), ...tools.slice(0, round % tools.length)]) {
        const r = await timed(tool);
        // Statuscope must pass every assertion; a competitor's rare failure is reported, and its time kept.
        if (r.code !== 0 && tool.name.startsWith('statuscope'))
          throw new Error(`${tool.name} exited ${r.code}:\n${r.tail}`);
        times.get(tool.name)?.push(r.ms);
        const failed = r.code === 0 ? '' : `  (exited ${r.code}: ${lastLines(r.tail)})`;
        if (r.code !== 0) failures.push(`${tool.name}, round ${round + 1}`);
        console.log(
          `  round ${round + 1}: ${tool.name.padEnd(32)} ${r.ms.toFixed(0).padStart(7)} ms${failed}`,
        );
      }
    }
    const junit = await readFile(path.join(work, 'statuscope.xml'), 'utf8');
    const counted = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(junit);
    console.log(
      `statuscope's JUnit: ${counted?.[1]} tests, ${counted?.[2]} failures, ${counted?.[3]} errors${failures.length ? `; runs that reported failures: ${failures.join('; ')}` : '; every run of every tool exited 0 (all assertions passed)'}.`,
    );
    const base = median(times.get('statuscope run') ?? []);
    console.log('');
    console.log(
      `${'tool'.padEnd(32)} ${'median'.padStart(9)} ${'per request'.padStart(12)} ${'vs statuscope run'.padStart(18)}`,
    );
    for (const tool of tools) {
      const m = median(times.get(tool.name) ?? []);
      console.log(
        `${tool.name.padEnd(32)} ${`${m.toFixed(0)} ms`.padStart(9)} ${`${(m / count).toFixed(2)} ms`.padStart(12)} ${`${(m / base).toFixed(2)}×`.padStart(18)}`,
      );
    }
    const vsNewman = median(times.get('newman run') ?? []) / base;
    const vsBru = median(times.get('bru run') ?? []) / base;
    console.log('');
    console.log(
      `statuscope run is ${vsNewman.toFixed(2)}× as fast as newman (goal ≥ 3×: ${vsNewman >= 3 ? 'met' : 'not met'}) and ${vsBru.toFixed(2)}× as fast as bru (goal ≥ 2×: ${vsBru >= 2 ? 'met' : 'not met'}).`,
    );
  } finally {
    await server.close();
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
    await rm(
      path.join(
        ROOT,
        'node_modules',
        '.cache',
        'statuscope-bench',
        `statuscope-run-${path.basename(work)}.cjs`,
      ),
      { force: true },
    );
  }
}

await main();
