import { m001Base } from './001-base';
import type { Migration } from './types';

/** In order; each feature adds its tables with the next number. */
export const migrations: readonly Migration[] = [m001Base];

export const latestVersion = (): number => migrations.reduce((v, m) => Math.max(v, m.version), 0);
