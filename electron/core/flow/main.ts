// Entry point of `npm run flow` (bundled to out/node/flow.js).
import { runFlowCli } from './cli';

runFlowCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`flow failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
