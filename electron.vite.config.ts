import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './renderer/csp-plugin.ts';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The client-list reader's worker thread is its own entry, found beside index.js (client-list-parser.ts).
        input: { index: resolve('electron/main/index.ts'), 'client-list-worker': resolve('electron/services/altinn/client-list-worker.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), contentSecurityPolicy()],
    // One bundle loaded from disk: splitting it would only add requests to a local file.
    build: { minify: true, chunkSizeWarningLimit: 2500, rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
