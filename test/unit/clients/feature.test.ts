// The client list's handlers through the one dispatcher: inputs parsed, outputs checked against the contract.
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { appendAudit } from '../../../electron/features/audit/log';
import { createEventBus } from '../../../electron/app/event-bus';
import { clientsFeature, type ClientsDeps } from '../../../electron/features/clients/feature';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { createSettingsStore } from '../../../electron/platform/settings/settings-store';
import { AppError } from '../../../shared/errors';
import { FakeAltinn, openTestDb, SU_B } from './helpers';

function setup(signedIn = true) {
  const db = openTestDb();
  const bus = createEventBus();
  const events: { name: EventName; payload: unknown }[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const settings = createSettingsStore(db);
  const altinn = new FakeAltinn();
  const ctx: ClientsDeps = {
    db,
    events: bus,
    language: () => settings.get().language,
    altinn: () => {
      if (!signedIn) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
      return altinn;
    },
    environment: () => settings.get().environment,
    now: () => new Date('2026-11-24T10:00:00Z'),
    audit: (r) => appendAudit(db, { ...r, actor: 'Morten Lie', environment: settings.get().environment }),
    firstScreen: Promise.resolve(),
  };
  const dispatch = createDispatcher(clientsFeature(ctx).handlers, { onInternalError: (c, e) => console.error(c, e) });
  const invoke = (channel: string, input: unknown = {}) => dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
  return { db, events, invoke };
}

describe('the client list handlers', () => {
  it('sync, then query, info, system users, export and review all pass the contract', async () => {
    const t = setup();
    expect(await t.invoke('clients.sync')).toMatchObject({ ok: true, value: { total: 11, firstSync: true } });
    expect(t.events.filter((e) => e.name === 'clients.syncProgress').at(-1)?.payload).toMatchObject({ phase: 'done' });
    expect(await t.invoke('clients.syncInfo')).toMatchObject({
      ok: true,
      value: { total: 11, syncing: false, lastSyncAt: '2026-11-24T10:00:00.000Z' },
    });
    const page = await t.invoke('clients.query', { query: { search: '311 851' }, offset: 0, limit: 50 });
    expect(page).toMatchObject({
      ok: true,
      value: { total: 1, rows: [{ name: 'HAVBRIS FRISØR', andRuleGaps: [{ systemUserId: SU_B }] }] },
    });
    expect(await t.invoke('clients.matchingOrgNumbers', { query: { relationships: ['REVI'] } })).toEqual({
      ok: true,
      value: ['310000035'],
    });
    expect(await t.invoke('clients.get', { orgNumber: '310000086' })).toEqual({ ok: true, value: null });
    expect(await t.invoke('systemUsers.list')).toMatchObject({
      ok: true,
      value: [{ clientCount: 5 }, { clientCount: 1, failingCount: 5 }],
    });
    expect(await t.invoke('clients.exportCsv', { query: {} })).toMatchObject({
      ok: true,
      value: { filename: 'klienter-demo-2026-11-24.csv' },
    });
    expect(await t.invoke('batches.review', { systemUserId: SU_B, operation: 'add', orgNumbers: ['311851381'] })).toMatchObject({
      ok: true,
      value: [{ verdict: 'fails_and_rule', missingPackages: ['skattegrunnlag'] }],
    });
    expect(await t.invoke('batches.parseOrgNumbers', { text: 'orgnr\n313 367 002\n313367003' })).toEqual({
      ok: true,
      value: {
        entries: [{ line: 2, orgNumber: '313367002' }],
        errors: [{ line: 3, input: '313367003', problem: 'bad-check-digit', message: expect.stringContaining('mod 11') }],
      },
    });
  });

  it('refuses a sync without a sign-in, writes an audit entry, and still answers queries from the local copy', async () => {
    const t = setup(false);
    expect(await t.invoke('clients.sync')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(t.db.prepare("SELECT outcome, code FROM audit_log WHERE action = 'clients.sync'").all()).toEqual([
      { outcome: 'failed', code: 'NOT_SIGNED_IN' },
    ]);
    expect(await t.invoke('clients.query', { query: {}, offset: 0, limit: 10 })).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('rejects a malformed query at the boundary', async () => {
    const t = setup();
    expect(await t.invoke('clients.query', { query: { sort: 'rowid; DROP TABLE clients' }, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await t.invoke('clients.query', { query: {}, offset: 0, limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });
});
