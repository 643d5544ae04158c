import type { BenchRow } from '../row';
import { grantSigning } from './grant-signing';

export const rows: BenchRow[] = [grantSigning];
