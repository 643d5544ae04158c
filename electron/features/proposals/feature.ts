// Proposals after each sync. The feature listens to the client list's sync progress: when a sync starts it
// notes who had which client, when it is done it drafts the batches the firm's rules call for.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { Proposal } from '../../../shared/contract/proposals';
import type { Database } from 'better-sqlite3';
import type { ChannelsOf, Feature } from '../../app/feature';
import type { ClientsQueryPort, ClockPort, EnvironmentPort, EventsPort } from '../../app/ports';
import type { SettingsStore } from '../../platform/settings/settings-store';
import { appendAudit } from '../audit/port';
import { createBatchStore } from '../batches/port';
import { createPartyResolver } from '../batches/port';
import { readSyncInfo } from '../clients/port';
import { allTargetClients, ensureTarget, readTarget, targetTitle } from '../employees/port';
import { draftProposals, readDelegations, type DelegationsBefore, type ProposedBatch } from './draft-proposals';
import { addProposals, readProposals } from './proposal-log';

const ACTOR = 'Klientdesk';

const NAMES = {
  nb: { new_clients: 'Forslag: nye klienter', departed_clients: 'Forslag: klienter som har gått ut' },
  en: { new_clients: 'Proposal: new clients', departed_clients: 'Proposal: clients that have left' },
};

export interface ProposalsDeps {
  /** The store: proposals draft batches in the batches' tables and read the last sync's result. */
  db: Database;
  settings: Pick<SettingsStore, 'get'>;
  events: EventsPort;
  environment: EnvironmentPort;
  now: ClockPort;
  /** The local client list (and the system users' titles), through the clients feature's query port. */
  clients: ClientsQueryPort;
}

export function proposalsFeature(ctx: ProposalsDeps): Feature<ChannelsOf<'proposals.'>> {
  const { db } = ctx;
  const store = createBatchStore(db, ctx.now, (record) => appendAudit(db, { ...record, actor: ACTOR }, ctx.now()));
  let before: { environment: EnvironmentId; delegations: DelegationsBefore } | null = null;
  let unsubscribe: (() => void) | null = null;

  function propose(environment: EnvironmentId): void {
    const result = readSyncInfo(db, environment).lastResult;
    if (!result) return;
    const delegations = before?.environment === environment ? before.delegations : new Map();
    before = null;
    const settings = ctx.settings.get();
    const proposed = draftProposals(db, environment, result, settings.proposals.rules, delegations, settings.proposals.groups);
    if (proposed.length === 0) return;
    const parties = createPartyResolver(ctx.clients, () => environment);
    // A rule's unattended switch counts only while the firm runs as its client-administration system user.
    const mayRunAlone = settings.environments[environment].unattended.enabled;
    const language = settings.language;
    const day = result.syncedAt.slice(0, 10);
    const entries = proposed.map((p: ProposedBatch) => {
      const target = targetOf(environment, p, parties);
      const draft = store.createDraft(
        {
          name: `${NAMES[language][p.kind]}${p.relationship ? ` (${p.relationship})` : ''} ${day}`,
          environment,
          systemUserId: target.id,
          systemUserTitle: target.title,
          createdBy: ACTOR,
          items: p.items,
        },
        'batch.proposed',
      );
      const unattended = p.unattended && mayRunAlone;
      if (unattended) {
        store.submit(draft.id, (orgNumber, known) => parties.resolve(orgNumber, known));
        appendAudit(
          db,
          { actor: ACTOR, environment, action: 'batch.submitted_unattended', systemUserId: target.id, batchId: draft.id, outcome: 'ok' },
          ctx.now(),
        );
      }
      return {
        batchId: draft.id,
        kind: p.kind,
        systemUserId: target.id,
        relationship: p.relationship,
        syncedAt: result.syncedAt,
        submittedUnattended: unattended,
      };
    });
    addProposals(db, environment, entries);
  }

  /** The batch target a proposal names: a system user as it is, an employee as the target for their packages. */
  function targetOf(environment: EnvironmentId, p: ProposedBatch, parties: ReturnType<typeof createPartyResolver>) {
    if (p.target.kind === 'systemUser') {
      const id = p.target.systemUserId;
      const employee = parties.systemUser(id) ? null : readTarget(db, environment, id);
      return { id, title: parties.systemUser(id)?.title ?? (employee ? targetTitle(employee) : '') };
    }
    const row = ensureTarget(db, environment, p.target.partyUuid, p.target.name, p.target.packages, ctx.now());
    return { id: row.id, title: targetTitle(row) };
  }

  return {
    handlers: {
      'proposals.list': (): Proposal[] => {
        const environment = ctx.environment();
        const existing = new Map(store.list().map((b) => [b.id, b]));
        return readProposals(db, environment).flatMap((e) => {
          const batch = existing.get(e.batchId);
          return batch
            ? [{ kind: e.kind, relationship: e.relationship, syncedAt: e.syncedAt, submittedUnattended: e.submittedUnattended, batch }]
            : [];
        });
      },
    },
    start() {
      unsubscribe = ctx.events.subscribe((name, payload) => {
        if (name !== 'clients.syncProgress') return;
        const phase = (payload as { phase: string }).phase;
        // The sync replaces the local delegations with Altinn's; who had a departed client is read before that.
        if (phase === 'systemUsers') {
          const environment = ctx.environment();
          before = { environment, delegations: readDelegations(db, environment, allTargetClients(db, environment)) };
        } else if (phase === 'done') propose(ctx.environment());
        else if (phase === 'failed') before = null;
      });
    },
    stop() {
      unsubscribe?.();
    },
  };
}
