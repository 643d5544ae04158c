import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-node.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; most files spend their time waiting on sockets, child
    // processes and the demo world, not on the CPU, so three keep both cores busy.
    maxWorkers: 3,
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
