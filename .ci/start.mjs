// `npm start`: the desktop app on its embedded demo world, or one clear sentence when Electron is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = null;
try {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (existsSync(pathFile)) {
    const candidate = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(candidate)) binary = candidate;
  }
} catch {
  binary = null;
}
if (!binary) {
  console.error(
    'The Electron binary is not installed on this machine (run `npx install-electron` where the internet allows); meanwhile `npm run web` runs Klientdesk in your browser.',
  );
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
