import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries: only electron/main and electron/preload touch Electron; the renderer and shared/ never
// touch Node; shared/ imports from neither side.
const noElectron = { name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." };
const electronSubpaths = { group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };
const noNodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'No Node built-ins here.' }));
const nodePrefix = { group: ['node:*'], message: 'No Node built-ins here.' };
const intoElectronDir = { regex: '(^|/)electron/', message: 'May not import from electron/.' };
const intoRendererDir = { regex: '(^|/)renderer/', message: 'May not import from renderer/.' };
// The services reach a demo world only over its admin API, like any other environment's services; only the
// shells (main, host, the flow's entry point) may start one in-process.
const intoDemo = {
  regex: '(^|/)(electron/)?demo(/|$)',
  message: 'The services never import the demo world: they reach it over its admin API (electron/services/world). Only the shells start it.',
};
const intoCore = {
  regex: '(^|/)(app|cli|features|platform|services|host|main)/',
  message: 'The demo world is an independent implementation: it may not use the app’s clients outside electron/demo.',
};

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
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/main/**', 'electron/preload/**', 'test/e2e/electron.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [electronSubpaths] }] },
  },
  {
    files: ['electron/{app,cli,features,platform,services}/**/*.ts'],
    ignores: [
      // The flow CLI's entry point is a shell: it starts the embedded world and hands the flow its address.
      'electron/cli/flow/main.ts',
      // So is the batch CLI's.
      'electron/cli/batch/main.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [electronSubpaths, intoDemo] }] },
  },
  {
    files: ['electron/demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [electronSubpaths, intoCore, intoRendererDir] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/csp-plugin.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodeBuiltins], patterns: [electronSubpaths, nodePrefix, intoElectronDir] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noNodeBuiltins], patterns: [electronSubpaths, nodePrefix, intoElectronDir, intoRendererDir] },
      ],
    },
  },
  prettier,
);
