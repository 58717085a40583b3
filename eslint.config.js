// ESLint flat config. Layer rules (STYLE.md "Layers you can see") are enforced with no-restricted-imports:
// app/ never imports UI or Electron; app/common and app/contract stay isomorphic; renderer/ reaches
// app/ only through app/common (run time) and app/contract (types); main/ binds app/ to Electron only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const uiAndShell = ['electron', 'react', 'react-dom', 'react-dom/client', 'zustand', 'monaco-editor', '@monaco-editor/react'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/fixtures/**', '.tmp/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Domain event maps start empty and grow; an empty interface is the natural spelling.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='sendSync']", message: 'No sendSync: IPC is asynchronous and typed through app/contract.' }],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiAndShell.map((name) => ({ name, message: 'app/ is framework-free: no UI or Electron imports (DESIGN.md layers).' })),
        patterns: [{ regex: '(^|/)(main|renderer)/', message: 'app/ must not import main/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['app/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiAndShell.map((name) => ({ name, message: 'app/ is framework-free.' })),
        patterns: [
          { regex: '^node:', message: 'app/common runs in the renderer too: no Node built-ins.' },
          { regex: '(^|/)(engine|diagnosis|collections|formats|lab|server|cli|service|knowledge|scan|runner)/', message: 'app/common depends on nothing else in app/.' },
        ],
      }],
    },
  },
  {
    files: ['app/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiAndShell.map((name) => ({ name, message: 'app/ is framework-free.' })),
        patterns: [
          { regex: '^node:', message: 'app/contract is read by the renderer too: no Node built-ins.' },
          // The contract may name the shapes a domain returns (types only): they vanish at run time.
          { regex: '(^|/)(engine|diagnosis|collections|formats|lab|server|cli|service|knowledge|scan|runner)/', allowTypeImports: true, message: 'app/contract imports other app/ folders for types only.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'undici', 'ws', 'zod', 'yaml'].map((name) => ({ name, message: 'The renderer holds no HTTP or host logic; go through renderer/host.ts.' })),
        patterns: [
          { regex: '^node:', message: 'No Node built-ins in the renderer.' },
          { regex: '(^|/)app/(?!common/|contract/)', message: 'The renderer imports app/common at run time and app/contract for types only.' },
          { regex: '(^|/)app/contract/', allowTypeImports: true, message: 'Import app/contract with `import type` only.' },
          { regex: '(^|/)main/', message: 'The renderer must not import main/.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['react', 'react-dom', 'zustand', 'monaco-editor', '@monaco-editor/react'].map((name) => ({ name, message: 'main/ binds app/ to Electron; no UI here.' })),
        patterns: [{ regex: '(^|/)renderer/', message: 'main/ must not import renderer/.' }],
      }],
      // Electron checklist item 15: links leave the app only through openExternalSafely in main/main.ts.
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use openExternalSafely().' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
