// The query the client list asks for, in one place: the view builds it from its controls, and the start-up
// prefetch (main.tsx) asks for the first page of the list as it opens, under the very same key.
import type { ClientQuery } from '../../../../shared/contract/clients';
import type { ClientFilters } from './FilterBar';

export type ClientSort = { sort: NonNullable<ClientQuery['sort']>; direction: 'asc' | 'desc' };

export const DEFAULT_SORT: ClientSort = { sort: 'name', direction: 'asc' };

export const clientQuery = (filters: ClientFilters, search: string, sort: ClientSort): ClientQuery => ({
  ...filters,
  search: search.trim() || undefined,
  ...sort,
});
