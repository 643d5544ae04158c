// Query keys, one family per channel prefix. Keys are arrays so a prefix (['clients']) invalidates a family.
import type { AuditFilter } from '../../../../shared/contract/audit';
import type { ClientQuery } from '../../../../shared/contract/clients';

export const queryKeys = {
  settings: ['settings'] as const,
  status: ['app', 'status'] as const,
  clients: {
    all: ['clients'] as const,
    query: (query: ClientQuery) => ['clients', 'query', query] as const,
    syncInfo: ['clients', 'syncInfo'] as const,
  },
  systemUsers: ['systemUsers'] as const,
  employees: {
    all: ['employees'] as const,
    list: ['employees', 'list'] as const,
    clients: (partyUuid: string) => ['employees', 'clients', partyUuid] as const,
    clientAccess: (orgNumber: string) => ['employees', 'clientAccess', orgNumber] as const,
  },
  audit: {
    all: ['audit'] as const,
    query: (filter: AuditFilter) => ['audit', 'query', filter] as const,
    facets: ['audit', 'facets'] as const,
    verify: ['audit', 'verify'] as const,
  },
  batches: {
    all: ['batches'] as const,
    list: ['batches', 'list'] as const,
    detail: (id: string) => ['batches', 'detail', id] as const,
  },
  keys: { all: ['keys'] as const, lockState: ['keys', 'lockState'] as const },
  session: { demoPersons: (environment: string) => ['session', 'demoPersons', environment] as const },
  actorflow: { steps: ['actorflow', 'steps'] as const },
} as const;
