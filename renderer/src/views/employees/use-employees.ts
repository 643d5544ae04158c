// The firm's employees as Altinn lists them now, fetched with the app's `call()` and refetched on demand.
import { useCallback, useEffect, useState } from 'react';
import type { Employee } from '../../../../shared/contract/employees';
import { call } from '../../api/client';

export function useEmployees(enabled: boolean) {
  const [employees, setEmployees] = useState<Employee[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setEmployees(await call('employees.list', {}));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    else setEmployees(null);
  }, [enabled, reload]);

  return { employees, error, loading, reload };
}
