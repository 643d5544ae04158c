import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { klientdeskPlugin } from './eslint/layer-boundaries.js';
import { exceptions, layers } from './eslint/layers.js';

export default tseslint.config(
  {
    // The *.config.ts.*.mjs files are the bundled configs Vite and electron-vite write beside their config for a
    // moment while a build runs; CI lints beside the build, and a file gone before ESLint reads it fails the lint.
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      '.ci/fake-electron-dist/**',
      '*.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // The layer boundaries, built from the allow-list in eslint/layers.js.
  {
    plugins: { klientdesk: klientdeskPlugin },
    rules: { 'klientdesk/layers': ['error', { root: import.meta.dirname, layers, exceptions }] },
  },
  {
    // Every handler is registered through the one dispatch wrapper in main's entry point, never on raw ipcMain.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Register handlers through the dispatch wrapper.' }] },
      ],
    },
  },
  // A promise nobody awaits loses its failure; one handed where a callback's result is ignored does too. One
  // program for every TypeScript file: test/tsconfig.json includes them all, where the project service would
  // build the electron, renderer and test programs and type the product twice (lint took half as long again).
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/csp-plugin.ts'],
    languageOptions: { parserOptions: { project: './test/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules only. The React Compiler rules of the plugin's recommended set find 22 places
    // today (13 effects that set state, the fetch-in-effect pattern the renderer's data layer replaces, issue 14
    // point 5; 5 refs read during render; one render-time variable reassigned; 3 virtualizer hooks the compiler
    // cannot memoize) and run the compiler over every component, a third of the renderer's lint time.
    // TODO(renderer): switch on reactHooks.configs.flat.recommended once the data layer has landed.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
