import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { klientdeskPlugin } from './eslint/layer-boundaries.js';
import { exceptions, layers } from './eslint/layers.js';

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**', '.ci/fake-electron-dist/**'],
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
    plugins: reactHooks.configs.flat.recommended.plugins,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/unsupported-syntax': 'error',
      // React Compiler rules the code does not meet yet: 13 effects that set state (the fetch-in-effect pattern
      // the renderer's data layer replaces, issue 14 point 5), 5 refs read during render, one render-time
      // variable reassigned, and 3 virtualizer hooks the compiler cannot memoize. TODO(renderer): switch each
      // on when its findings are gone.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/incompatible-library': 'off',
    },
  },
  prettier,
);
