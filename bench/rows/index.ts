// The rows in the order they run: the demo world first, before the other rows have grown this process's heap.
import type { BenchRow } from '../row';
import { batchRun } from './batch-run';
import { claimsFetch } from './claims-fetch';
import { clientListUi } from './client-list-ui';
import { clientSync } from './client-sync';
import { demoWorld } from './demo-world';
import { grantSigning } from './grant-signing';
import { startup } from './startup';
import { tokenReuse } from './token-reuse';

export const rows: BenchRow[] = [demoWorld, grantSigning, tokenReuse, clientSync, batchRun, claimsFetch, clientListUi, startup];
