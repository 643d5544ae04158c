// `npm start`: the desktop app on its embedded demo world. Where the Electron binary is missing (it cannot be
// downloaded on every network), the same app starts in the browser host on the same data folder instead, and
// its address is printed and, on a desktop, opened.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const onWindows = process.platform === 'win32';
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const candidate = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

const npx = (list) => spawnSync(onWindows ? 'npx.cmd' : 'npx', list, { stdio: 'inherit', shell: onWindows }).status ?? 1;

/** A desktop session can show a browser; a bare server or CI cannot, so there the address is only printed. */
function hasDesktop() {
  if (process.env.CI) return false;
  if (onWindows || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openInBrowser(url) {
  const [command, list] = onWindows ? ['cmd', ['/c', 'start', '""', url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(command, list, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not open a browser; open the address above yourself.'));
  child.unref();
}

// KLIENTDESK_BROWSER=1 asks for the browser host even where Electron is installed.
const binary = process.env.KLIENTDESK_BROWSER === '1' ? null : electronBinary();
if (binary && (args.includes('--help') || args.includes('-h'))) {
  console.log(`Usage: npm start -- [options]

The desktop app (Electron) on its demo world, or on the environment chosen in Settings.

Options:
  --data-dir DIR          the data folder (default: KLIENTDESK_DATA_DIR, else the app's own folder)
  --world URL             use a standalone demo world (\`npm run demo-world\`) at this admin address
  --world-secret SECRET   that world's admin secret (default: KLIENTDESK_WORLD_SECRET)
  --help                  print this and exit

KLIENTDESK_BROWSER=1 npm start -- --help lists the browser host's options (port, demo world size, backup, web root).`);
  process.exit(0);
}
if (binary) {
  if (npx(['electron-vite', 'build']) !== 0) process.exit(1);
  const run = spawnSync(binary, ['.', ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 0);
}

console.log(
  binary === null && process.env.KLIENTDESK_BROWSER === '1'
    ? 'Starting Klientdesk in your browser (KLIENTDESK_BROWSER=1).'
    : 'The Electron binary is not installed on this machine, so Klientdesk starts in your browser instead.',
);
if (npx(['vite', 'build', 'renderer', '--logLevel', 'warn']) !== 0) process.exit(1);
if (npx(['vite', 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn']) !== 0) process.exit(1);

// process.execPath is the project's Node 22 when started through npm (node is a devDependency).
const host = spawn(process.execPath, ['out/node/host.js', ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
let opened = false;
host.stdout.setEncoding('utf8');
host.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = /Open: (\S+)/.exec(chunk)?.[1];
  if (url && !opened && hasDesktop()) {
    opened = true;
    openInBrowser(url);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
