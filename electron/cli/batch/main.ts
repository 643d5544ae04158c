// Entry point of `npm run batch` (bundled to out/node/batch.js). Like the other shells, it may start a demo
// world in this process when Demo has no standalone one; the CLI reaches any world through its admin API.
import { startDemoWorld } from '../../demo/index';
import { embeddedWorld } from '../../services/world/embedded';
import { runBatchCli } from './cli';

const embedded = embeddedWorld(() => startDemoWorld({ port: 0, preset: 'ready', quiet: true }));
const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

runBatchCli(process.argv.slice(2), { embeddedWorld: embedded, stopSignal }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`batch failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.stdout.write(`${JSON.stringify({ ok: false, exitCode: 4, error: { code: 'FAILED', message: String(e) } })}\n`);
    process.exit(4);
  },
);
