import type { Migration } from './types';

export const m002Clients: Migration = {
  version: 2,
  name: 'the local client list',
  up: () => undefined,
};
