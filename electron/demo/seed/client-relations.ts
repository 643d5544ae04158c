// Clients come and go, as in the ER: a client that ends its relationship with the firm stops being listed by
// Altinn (and its delegations' basis goes with it), and an organisation that registers the firm as its
// accountant, auditor or business manager becomes a client. Admin hooks only; the seed itself never changes.
import type { Relationship } from '../../../shared/domain/packages';
import { clientPackages, type ClientEntry, type Directory } from './clients';

export type RelationChange = { ok: true; client: ClientEntry } | { ok: false; error: string };

export function createClientRelations(directory: Directory) {
  const departed = new Map<string, ClientEntry>();

  return {
    /** The organisation is no longer the firm's client. */
    leave(orgNo: string): RelationChange {
      const client = directory.clientByOrgNo.get(orgNo);
      if (!client) return { ok: false, error: `${orgNo} is not a client of the firm` };
      directory.clientByOrgNo.delete(orgNo);
      directory.clients.splice(directory.clients.indexOf(client), 1);
      departed.set(orgNo, client);
      return { ok: true, client };
    },
    /** The organisation becomes a client again, or for the first time with the given roles. */
    join(orgNo: string, roles: Relationship[] = ['REGN']): RelationChange {
      if (directory.clientByOrgNo.has(orgNo)) return { ok: false, error: `${orgNo} is already a client of the firm` };
      const org = directory.orgByOrgNo.get(orgNo);
      if (!org) return { ok: false, error: `${orgNo} is not an organisation of the demo world` };
      const client = departed.get(orgNo) ?? { org, roles, direct: [], packages: clientPackages(org.form, roles, []) };
      departed.delete(orgNo);
      directory.clients.push(client);
      directory.clientByOrgNo.set(orgNo, client);
      return { ok: true, client };
    },
  };
}
