// Employees as the firm's agents in Altinn (altinn.md §10): list them with their clients and packages, add one
// by national id or username plus last name, remove one with the client rights that go with them, and show per
// client who has access (agent system users and employees together). Giving an employee a client's packages is
// a batch like any other; `employees.target` names the batch's target.
import type { Database } from 'better-sqlite3';
import type { Employee } from '../../../shared/contract/employees';
import { agentIdentifierProblem, lastNameProblem, normaliseAgentIdentifier } from '../../../shared/domain/agent-identity';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature } from '../../app/feature';
import type { ClientsQueryPort, DelegationRecordPort, EndUserAltinn } from '../../app/ports';
import { classifyError } from '../batches/port';
import { runPooled } from '../claims/port';
import type { AuditRecord } from '../audit/port';
import type { ClientAdministrationApi } from '../../services/altinn/client-administration';
import { withEmployeeTargets } from './target-altinn';
import { ensureTarget, forgetAgent, readTarget, recordTargetChange, targetTitle } from './targets';

/** Everything this feature needs from the app, in one place, so the composition root can rewire it. */
export interface EmployeesPorts {
  db: Database;
  environment(): string;
  now(): Date;
  audit(record: Omit<AuditRecord, 'actor' | 'environment'>): void;
  /** The firm's party UUID as Altinn named it to the signed-in client administrator; throws when nobody is. */
  firmPartyUuid(): string;
  clientAdministration(): ClientAdministrationApi;
  /** The clients feature's local list: the partyUuid Altinn knows a client by. */
  clients: ClientsQueryPort;
}

/** What the batches need of employees as targets: titles, Access Management routing and the local copy. */
export interface EmployeeTargetsPort {
  systemUser(environment: string, id: string): { title: string; packages: string[] } | null;
  /** `clientAdministration` when another actor than the signed-in person's session calls (the unattended system user). */
  routeAltinn(altinn: EndUserAltinn, clientAdministration?: () => ClientAdministrationApi): EndUserAltinn;
  recordChange: DelegationRecordPort;
}

export type EmployeesFeature = Feature<ChannelsOf<'employees.'>> & { targets: EmployeeTargetsPort };

const LIST_CONCURRENCY = 5;

const codeOf = (error: unknown): string => (error instanceof AppError ? error.code : 'ERROR');

export function employeesFeature(ports: EmployeesPorts): EmployeesFeature {
  const api = () => ports.clientAdministration();

  function clientPartyUuid(orgNumber: string): string {
    const uuid = ports.clients.client(ports.environment(), orgNumber)?.partyUuid;
    if (!uuid)
      throw new AppError(
        'CLIENT_NOT_SYNCED',
        'That organisation is not in the local client list. Sync the list and try again.',
        undefined,
        { orgNumber },
      );
    return uuid;
  }

  /**
   * Audits the write whatever its outcome; the error still reaches the caller. A call that may have reached
   * Altinn without an answer is `unknown`, not failed: `settle` asks Altinn's own list, when there is one to ask.
   */
  async function audited<T>(
    action: string,
    detail: string,
    work: () => Promise<T & { correlationId?: string }>,
    settle?: () => Promise<T | null>,
  ): Promise<T> {
    try {
      const result = await work();
      ports.audit({ action, outcome: 'done', detail, correlationId: result.correlationId ?? null });
      return result;
    } catch (error) {
      const verdict = classifyError(error);
      const correlationId = 'correlationId' in verdict ? verdict.correlationId : null;
      const settled = verdict.kind === 'unknown' && settle ? await settle().catch(() => null) : null;
      if (settled !== null) {
        ports.audit({ action, outcome: 'done', detail, correlationId });
        return settled;
      }
      ports.audit({ action, outcome: verdict.kind === 'unknown' ? 'unknown' : 'failed', detail, code: codeOf(error), correlationId });
      throw error;
    }
  }

  const targets: EmployeeTargetsPort = {
    systemUser(environment, id) {
      const t = readTarget(ports.db, environment, id);
      return t ? { title: targetTitle(t), packages: t.packages } : null;
    },
    routeAltinn: (altinn, clientAdministration) =>
      withEmployeeTargets(altinn, {
        db: ports.db,
        environment: ports.environment,
        clientAdministration: clientAdministration ?? ports.clientAdministration,
      }),
    recordChange: (change) => recordTargetChange(ports.db, change),
  };

  return {
    targets,
    handlers: {
      'employees.list': async (): Promise<Employee[]> => {
        const firm = ports.firmPartyUuid();
        const people = (await api().listAgents(firm)).filter((a) => a.kind === 'person');
        return runPooled(people, LIST_CONCURRENCY, async (p) => {
          const clients = await api().agentClients(firm, p.partyUuid);
          const packages = [...new Set(clients.flatMap((c) => c.packages.map((h) => h.packageCode)))].sort();
          return { partyUuid: p.partyUuid, name: p.name, addedAt: p.addedAt, clientCount: clients.length, packages };
        });
      },
      'employees.add': async ({ personIdentifier, lastName }) => {
        const problem = agentIdentifierProblem(personIdentifier);
        if (problem)
          throw new AppError('INVALID_AGENT_IDENTIFIER', 'Type a national id of 11 digits or an Altinn username.', undefined, { problem });
        if (lastNameProblem(lastName)) throw new AppError('INVALID_LAST_NAME', 'Type the person’s last name.');
        const firm = ports.firmPartyUuid();
        // The national id stays out of the audit log: the last name says whom the client administrator meant.
        const added = await audited('employee.add', lastName.trim(), () =>
          api().addAgent(firm, { personIdentifier: normaliseAgentIdentifier(personIdentifier), lastName: lastName.trim() }),
        );
        const name = (await api().listAgents(firm)).find((a) => a.partyUuid === added.agentPartyUuid)?.name ?? lastName.trim();
        return { partyUuid: added.agentPartyUuid, name };
      },
      'employees.clients': async ({ partyUuid }) =>
        (await api().agentClients(ports.firmPartyUuid(), partyUuid)).map((c) => ({
          orgNumber: c.orgNumber,
          name: c.name,
          packages: c.packages,
        })),
      'employees.remove': async ({ partyUuid, confirmedClientCount }) => {
        const firm = ports.firmPartyUuid();
        const name = (await api().listAgents(firm)).find((a) => a.partyUuid === partyUuid)?.name ?? partyUuid;
        const clients = await api().agentClients(firm, partyUuid);
        // The person confirmed the rights they were shown; any given since then are not removed unseen.
        if (clients.length !== confirmedClientCount)
          throw new AppError(
            'EMPLOYEE_ACCESS_CHANGED',
            'The employee’s client access changed since you looked. Look at the list again before removing.',
            undefined,
            {
              count: clients.length,
            },
          );
        await audited(
          'employee.remove',
          `${name}; ${clients.length}`,
          () => api().removeAgent(firm, partyUuid, clients.length > 0),
          // Removed is removed: Altinn's list of agents says whether the lost call took effect.
          async () => ((await api().listAgents(firm)).some((a) => a.partyUuid === partyUuid) ? null : {}),
        );
        forgetAgent(ports.db, ports.environment(), partyUuid);
        return { removedClientCount: clients.length };
      },
      'employees.clientAccess': async ({ orgNumber }) =>
        (await api().clientAgents(ports.firmPartyUuid(), clientPartyUuid(orgNumber))).map((a) => ({
          partyUuid: a.partyUuid,
          name: a.name,
          kind: a.kind,
          packages: a.packages,
        })),
      'employees.target': ({ partyUuid, name, packages }) => {
        const t = ensureTarget(ports.db, ports.environment(), partyUuid, name, packages, ports.now());
        return { id: t.id, title: targetTitle(t), agentPartyUuid: t.agentPartyUuid, packages: t.packages };
      },
    },
  };
}
