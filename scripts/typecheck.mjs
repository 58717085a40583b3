// Type-checks every layer (one tsconfig each: app, main, renderer, e2e) side by side, incrementally
// (build info in node_modules/.cache/tsc), and fails if any layer fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const layers = ['app', 'main', 'renderer', 'e2e'];
const results = await Promise.all(
  layers.map(
    (layer) =>
      new Promise((resolve) => {
        let out = '';
        const child = spawn(process.execPath, [tsc, '-p', `${layer}/tsconfig.json`, '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ layer, code, out }));
      }),
  ),
);
for (const r of results) if (r.code !== 0) process.stdout.write(`typecheck ${r.layer}:\n${r.out}\n`);
const failed = results.filter((r) => r.code !== 0).map((r) => r.layer);
console.log(failed.length === 0 ? `typecheck: ${layers.join(', ')} clean` : `typecheck failed in: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
