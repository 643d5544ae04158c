// The browser-host build of the renderer (out/web). electron-vite builds the same sources for the app window.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './csp-plugin.ts';

export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
