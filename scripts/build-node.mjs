// Builds the Node-side bundles with esbuild: Electron main and preload, the web-mode server, the CLI.
// The renderer is built by Vite (vite.config.ts).
import { build } from 'esbuild';
import { cpSync } from 'node:fs';

// import.meta.url is only read on the ESM (tsx) path of app/lab/lessons.ts; bundles use __dirname.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
// Data files the bundles read at run time.
cpSync('app/lab/lessons', 'dist/lessons', { recursive: true });
await Promise.all([
  // Main, server and CLI load their npm dependencies from node_modules at run time (electron-builder ships them).
  build({ ...common, packages: 'external', entryPoints: ['main/main.ts'], outfile: 'dist/main/main.cjs' }),
  // A sandboxed preload must be one CJS file that requires only `electron` (Electron security checklist).
  build({ ...common, external: ['electron'], entryPoints: ['main/preload.ts'], outfile: 'dist/preload/preload.cjs' }),
  build({ ...common, packages: 'external', entryPoints: ['app/server/web-entry.ts'], outfile: 'dist/server/web.cjs' }),
  build({
    ...common,
    packages: 'external',
    entryPoints: ['app/cli/bin.ts'],
    // esbuild keeps the entry's #! line (app/cli/bin.ts), so the bundle is directly executable.
    outfile: 'dist/cli/statuscope.cjs',
  }),
]);
