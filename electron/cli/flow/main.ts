// Entry point of `npm run flow` (bundled to out/node/flow.js). Like the other shells, it is the one that may
// start a demo world in this process; the flow itself reaches any world through its admin API.
import { startDemoWorld } from '../../demo/index';
import { embeddedWorld } from '../../services/world/embedded';
import { runFlowCli } from './cli';

const embedded = embeddedWorld(() => startDemoWorld({ port: 0, preset: 'ready', quiet: true }));

runFlowCli(process.argv.slice(2), { embeddedWorld: embedded }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`flow failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
