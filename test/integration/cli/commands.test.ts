// The documented commands run one after the other: each `npm run` rebuilds the bundles in out/node, and two
// builds writing the same files at once would race.
import './demo-world.cli';
import './flow.cli';
import './start.cli';
