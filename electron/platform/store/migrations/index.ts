import { m001Base } from './001-base';
import { m002Clients } from './002-clients';
import { m003Batches } from './003-batches';
import { m004ExactlyOnce } from './004-exactly-once';
import { m005ClientSearchWrites } from './005-client-search-writes';
import { m006EmployeeTargets } from './006-employee-targets';
import { m007ClientListMark } from './007-client-list-mark';
import type { Migration } from './types';

/** In order; each feature adds its tables with the next number. */
export const migrations: readonly Migration[] = [
  m001Base,
  m002Clients,
  m003Batches,
  m004ExactlyOnce,
  m005ClientSearchWrites,
  m006EmployeeTargets,
  m007ClientListMark,
];

export const latestVersion = (): number => migrations.reduce((v, m) => Math.max(v, m.version), 0);
