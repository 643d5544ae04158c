// Bundles a TypeScript entry point into one ESM file under out/test, so a test can run it as a separate
// process on the project's Node 22 (and SIGKILL it). Inside the repository, so better-sqlite3 resolves.
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export async function buildNodeEntry(entry: string, name: string): Promise<string> {
  const outDir = resolve('out/test', name);
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(entry),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: {
        external: ['better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'esm', entryFileNames: `${name}.mjs` },
      },
    },
    ssr: { noExternal: true, external: ['better-sqlite3'] },
  });
  return join(outDir, `${name}.mjs`);
}
