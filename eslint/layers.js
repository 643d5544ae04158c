// The layers of Klientdesk and what each may import: the one source of truth for the boundaries. ESLint's
// `klientdesk/layers` rule (eslint/layer-boundaries.js) is built from this file, docs/ARCHITECTURE.md explains it
// and test/unit/core/layer-boundaries.test.ts plants one import across every forbidden edge.
//
// A file belongs to the layer with the longest `path` that contains it. It may import:
// - files of its own layer, and files under each path in `imports`;
// - the packages in `packages` (NODE stands for Node's built-in modules, with or without `node:`);
// - with `import type` only, the packages in `typePackages` and the files under `typeImports`;
// - anything, where `anything` is set (tests, bench, build tooling).
// Within a layer that has `units`, each child folder is a unit that may reach another unit only through its
// `entry` file. `exceptions` allow single edges: `why` for an edge that is meant to stay, `todo` for one that
// is to go (the test checks that every exception is still used, so a fixed one must be removed here).

export const NODE = 'node';

const BACKEND = [NODE, 'zod'];

export const layers = [
  {
    // Runs on both sides of the bridge, so it holds only pure TypeScript. papaparse is pure too: the renderer
    // reads pasted CSV with it and the main process reads batch files, through the same rules in shared/.
    path: 'shared',
    imports: [],
    packages: ['zod', 'papaparse'],
  },
  {
    path: 'renderer/src',
    imports: ['shared'],
    packages: [
      'react',
      'react-dom',
      '@mui/material',
      '@mui/icons-material',
      '@mui/x-charts',
      '@emotion/react',
      '@emotion/styled',
      '@tanstack/react-virtual',
      // The renderer's data layer (issue 14, point 5).
      '@tanstack/react-query',
      'zustand',
      'i18next',
      'react-i18next',
      'zod',
      'papaparse',
    ],
  },
  {
    path: 'electron/platform',
    imports: ['shared'],
    // The key vault imports and exports keys with jose; p-limit is the one concurrency pool (http/pool.ts).
    packages: [...BACKEND, 'jose', 'p-limit'],
    // Only the store opens a database; the rest of the platform names its handle.
    typePackages: ['better-sqlite3'],
  },
  {
    path: 'electron/platform/store',
    imports: ['shared', 'electron/platform'],
    packages: [...BACKEND, 'better-sqlite3'],
  },
  {
    path: 'electron/services',
    imports: ['shared', 'electron/platform'],
    packages: [...BACKEND, 'jose'],
  },
  {
    path: 'electron/features',
    imports: ['shared', 'electron/platform', 'electron/services'],
    packages: [...BACKEND, 'jose'],
    // Each feature keeps its own tables, through the handle the store opened.
    typePackages: ['better-sqlite3'],
    // The seam the app plugs features in with: the feature's shape, its context and the ports it is given.
    typeImports: ['electron/app/feature.ts', 'electron/app/ports.ts'],
    units: { entry: 'port.ts' },
  },
  {
    path: 'electron/app',
    imports: ['shared', 'electron/platform', 'electron/services', 'electron/features'],
    packages: BACKEND,
    typePackages: ['better-sqlite3'],
  },
  {
    path: 'electron/cli',
    imports: ['shared', 'electron/platform', 'electron/services', 'electron/features', 'electron/app'],
    packages: [...BACKEND, 'jose'],
  },
  {
    // The browser host serves the same core as Electron main, so it never touches Electron; ws carries the
    // page's calls (Node has a WebSocket client, not a server).
    path: 'electron/host',
    imports: ['shared', 'electron/platform', 'electron/services', 'electron/features', 'electron/app'],
    packages: [...BACKEND, 'ws'],
  },
  {
    path: 'electron/main',
    imports: ['shared', 'electron/platform', 'electron/services', 'electron/features', 'electron/app'],
    packages: [...BACKEND, 'electron'],
  },
  {
    // The sandboxed preload: the bridge's shape from the contract and Electron's renderer side, nothing else.
    path: 'electron/preload',
    imports: ['shared/contract'],
    packages: ['electron'],
  },
  {
    // An independent implementation of the outside services: nothing of the app's layers, so it can never
    // share a shortcut with the code it stands in for.
    path: 'electron/demo',
    imports: ['shared'],
    packages: [...BACKEND, 'jose'],
  },
  { path: 'test', anything: true },
  { path: 'bench', anything: true },
  // Build, lint and CI tooling.
  { path: '.ci', anything: true },
  { path: 'eslint', anything: true },
  { path: 'eslint.config.js', anything: true },
  { path: 'electron.vite.config.ts', anything: true },
  { path: 'vite.node.config.ts', anything: true },
  { path: 'vitest.config.ts', anything: true },
  { path: 'playwright.config.ts', anything: true },
  { path: 'playwright.screenshots.config.ts', anything: true },
  { path: 'playwright.shared.ts', anything: true },
  { path: 'renderer/vite.config.ts', anything: true },
  { path: 'renderer/csp-plugin.ts', anything: true },
];

const SHELLS_START_THE_WORLD = 'a shell starts the embedded demo world; the services reach it over its admin API';

export const exceptions = [
  { from: 'electron/main/index.ts', to: 'electron/demo/index.ts', why: SHELLS_START_THE_WORLD },
  { from: 'electron/host/cli.ts', to: 'electron/demo/index.ts', why: SHELLS_START_THE_WORLD },
  { from: 'electron/cli/flow/main.ts', to: 'electron/demo/index.ts', why: SHELLS_START_THE_WORLD },
  { from: 'electron/cli/batch/main.ts', to: 'electron/demo/index.ts', why: SHELLS_START_THE_WORLD },
];
