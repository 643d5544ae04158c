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
    rules: { 'klientdesk/layers': ['error', { layers, exceptions }] },
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
  // A promise nobody awaits loses its failure; one handed where a callback's result is ignored does too.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
  },
  prettier,
);
