// Flat config. The import rules enforce the layering of DESIGN.md §1.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Every Node built-in, with and without the node: prefix (fs, fs/promises, http, …).
const nodeBuiltins = ['node:*', ...builtinModules];

// What no renderer file may import: Electron (the bridge is the way out) and Node.
const rendererPaths = [{ name: 'electron', message: 'The renderer never imports electron: use the bridge.' }];
const rendererPatterns = [
  { group: ['electron/*', '**/electron/**'], message: 'The renderer never imports electron: use the bridge.' },
  { group: ['node:*', '**/node/**'], message: 'The renderer runs in a browser: no Node built-ins.' },
];

// Views only render (issue #9): they reach the store through a data hook (a `use….ts` module
// beside them) or an action, never Dexie or renderer/src/db directly. No view is exempt.

export default tseslint.config(
  { ignores: ['.scratch*', 'out/', 'dist/', 'dist-web/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'shared/dataset/generated/*.js'] },
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
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  {
    // One undo mechanism: a user change enters the history only as an action (renderer/src/actions/action.ts).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/actions/action.ts', 'renderer/src/features/undo/**', 'renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='undoStack'][callee.property.name=/^(perform|record)$/]",
          message: 'Define the change as an action (defineAction in a features/<feature>/actions/<name>.ts file) and run it with runAction or runActionNow.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/features/**/*.tsx', 'renderer/src/ui/**/*.tsx'],
    rules: {
      // Types of stored records are not store access: `import type` from db/ is allowed.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['dexie', 'dexie-*', '**/db', '**/db/**'], allowTypeImports: true, message: 'Views only render: read and write the store through a data hook (a use….ts module beside the view) or an action, not Dexie or renderer/src/db.' }],
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
