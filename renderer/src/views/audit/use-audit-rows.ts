// Audit rows by index, fetched a page at a time as the table scrolls to them; a new filter starts over.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../../shared/contract/audit';
import { call } from '../../api/client';

const PAGE = 200;

export function useAuditRows(filter: AuditFilter) {
  const [total, setTotal] = useState<number | null>(null);
  const [rows, setRows] = useState<Map<number, AuditEntry>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      try {
        const result = await call('audit.query', { filter, offset: page * PAGE, limit: PAGE });
        // An answer for an older filter is dropped; its pages were already forgotten.
        if (gen !== generation.current) return;
        setTotal(result.total);
        setRows((prev) => {
          const next = new Map(prev);
          result.rows.forEach((row, i) => next.set(page * PAGE + i, row));
          return next;
        });
      } catch (e) {
        requested.current.delete(page);
        if (gen === generation.current) setError(e);
      }
    },
    [filter],
  );

  useEffect(() => {
    generation.current++;
    requested.current = new Set();
    setRows(new Map());
    setTotal(null);
    setError(null);
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  /** Call with the indices on screen; missing pages are fetched. */
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) void fetchPage(page, generation.current);
    },
    [fetchPage],
  );

  return { total, rows, error, ensure };
}
