import type { Migration } from './types';

export const m003Batches: Migration = {
  version: 3,
  name: 'batches and their items',
  up: () => undefined,
};
