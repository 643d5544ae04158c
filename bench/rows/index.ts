// The rows in the order they run: the demo world first, before the other rows have grown this process's heap;
// then each firm size's rows together, so a size's synced data folder is made once and removed at exit.
import type { BenchRow } from '../row';
import { batchJitter } from './batch-jitter';
import { batchRun } from './batch-run';
import { claimsFetch } from './claims-fetch';
import { clientListUi } from './client-list-ui';
import { clientSync } from './client-sync';
import { demoWorld } from './demo-world';
import { grantSigning } from './grant-signing';
import { hostMemory } from './host-memory';
import { startup } from './startup';
import { tokenReuse } from './token-reuse';

/** The firm sizes every row of issue 16 is measured at. */
export const SIZES = [50_000, 200_000] as const;

export const rows: BenchRow[] = [
  demoWorld,
  grantSigning,
  tokenReuse,
  batchRun,
  batchJitter,
  claimsFetch,
  ...SIZES.flatMap((size) => [clientSync(size), hostMemory(size), clientListUi(size), startup(size)]),
];
