import { defineConfig } from 'vitest/config';

// These files replace modules with vi.mock (the Electron fake) or read the layer rules from the sources: each
// keeps a fresh module registry of its own.
const ISOLATED = [
  'test/unit/main/**/*.test.ts',
  'test/unit/core/layer-boundaries.test.ts',
  'test/unit/core/key-vault-off-main-thread.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['test/setup-node.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; most files spend their time waiting on sockets, child
    // processes and the demo world, not on the CPU, so three keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        // The rest share a worker process between files instead of starting one per file (about a second
        // each on 2 cores); every file removes what it made (test/helpers/temp-dir.ts) and restores its spies.
        test: { name: 'shared', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], exclude: ISOLATED, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
    // `npm test` turns this on (`--coverage`): the Electron shell is covered through the fake in test/unit/main.
    coverage: {
      provider: 'v8',
      include: ['electron/main/**', 'electron/preload/**'],
      reporter: ['text', 'json-summary'],
      reportsDirectory: 'reports/coverage',
      thresholds: { lines: 80 },
    },
  },
});
