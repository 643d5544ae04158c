// The documented commands run one after the other: each `npm run` rebuilds the bundles in out/node, and two
// builds writing the same files at once would race. The batch command comes last: its world runs from
// out/node/demo-world.js, which a rebuild replaces under a running process.
import './demo-world.cli';
import './flow.cli';
import './start.cli';
import './batch-unattended.cli';
