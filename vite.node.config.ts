// Bundles the Node entry points (browser host, demo world, headless flow, batch CLI, benchmarks) into out/node,
// so they run on the Node 22 from node_modules without a TypeScript loader.
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        host: resolve('electron/host/launch.ts'),
        bench: resolve('bench/run.ts'),
        flow: resolve('electron/cli/flow/main.ts'),
        batch: resolve('electron/cli/batch/main.ts'),
        'demo-world': resolve('electron/demo/cli.ts'),
        // A worker thread's own entry, found beside the host's bundle (client-list-parser.ts).
        'client-list-worker': resolve('electron/services/altinn/client-list-worker.ts'),
      },
      external: ['better-sqlite3', 'electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, external: ['better-sqlite3'] },
});
