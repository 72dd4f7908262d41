// Flat config. The import rules enforce the layering of DESIGN.md §1.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib', 'buffer'];

export default tseslint.config(
  { ignores: ['.scratch*', 'out/', 'dist/', 'dist-web/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'shared/export/generated/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure: no Electron.' },
            { name: 'react', message: 'shared/ is pure: no React.' },
            { name: 'react-dom', message: 'shared/ is pure: no React.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['react/*', 'react-dom/*', '@tiptap/*', 'dexie', 'dexie-*'], message: 'shared/ is pure: no UI or storage libraries.' },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/node/**'], message: 'Dependencies point one way: nothing imports into shared/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron: use the bridge.' }],
          patterns: [
            { group: ['electron/*', '**/electron/**'], message: 'The renderer never imports electron: use the bridge.' },
            { group: ['node:*', '**/node/**'], message: 'The renderer runs in a browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // node/ is the Node-only layer shared by electron/main and cli/: it imports shared/ at most.
    files: ['node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'node/ runs in the CLI too: no Electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'node/ is imported by electron/main and cli/, never the other way round.' }],
        },
      ],
    },
  },
  {
    // shared/ sources have their own, stricter block above; its tests may use Node but not Electron.
    files: ['cli/**/*.{ts,mjs}', 'shared/**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/ imports electron.' }] },
      ],
    },
  },
);
