// Electron >= 42 downloads its binary lazily; electron-vite reads path.txt directly, so fetch it eagerly.
// Offline (or on CI) this must never fail the install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[ensure-electron] ELECTRON_SKIP_BINARY_DOWNLOAD is set; not fetching the Electron binary.');
  process.exit(0);
}
const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0);
}
const res = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 10 * 60_000 });
if (res.status !== 0) {
  console.warn(
    '[ensure-electron] The Electron binary could not be downloaded (offline?). Run `npx install-electron` later, or use `npm run web`.',
  );
}
process.exit(0);
