// The audit log's reads. Rows come a page at a time like the client list's; the chain check is asked again
// whenever the log has changed (every audit invalidation).
import { useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditFilter } from '../../../../shared/contract/audit';
import { call } from '../client';
import { queryKeys } from './keys';
import { usePagedRows } from './paged';

const AUDIT_PAGE_SIZE = 200;

export const useAuditRows = (filter: AuditFilter) =>
  usePagedRows<AuditEntry>({
    key: queryKeys.audit.query(filter),
    pageSize: AUDIT_PAGE_SIZE,
    fetchPage: (offset, limit) => call('audit.query', { filter, offset, limit }),
  });

export const useAuditFacets = () => useQuery({ queryKey: queryKeys.audit.facets, queryFn: () => call('audit.facets', {}) });

export const useAuditChain = () => useQuery({ queryKey: queryKeys.audit.verify, queryFn: () => call('audit.verify', {}) });
