// The firm's employees as Altinn lists them now: a query of its own, dropped with the rest of a person's
// answers when someone else signs in.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';

export function useEmployees(enabled: boolean) {
  const query = useQuery({ queryKey: queryKeys.employees.list, queryFn: () => call('employees.list', {}), enabled });
  return {
    employees: enabled ? (query.data ?? null) : null,
    error: query.error,
    loading: query.isFetching,
    reload: async () => {
      await query.refetch();
    },
  };
}
