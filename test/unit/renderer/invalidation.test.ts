import { describe, expect, it } from 'vitest';
import type { QueryKey } from '@tanstack/react-query';
import type { AppStatus, Session } from '../../../shared/contract/app';
import type { BatchProgress } from '../../../shared/contract/batches';
import { emptyMemory, invalidationsFor, type EventMemory } from '../../../renderer/src/api/query/invalidation';
import { queryKeys } from '../../../renderer/src/api/query/keys';

const session = (pid: string): Session => ({
  person: { name: pid, pid },
  firm: { orgNumber: '310000027', name: 'REGNSKAPSFIRMA AS' },
  environment: 'demo',
  isClientAdmin: true,
  signedInAt: '2026-12-01T10:00:00.000Z',
  expiresAt: null,
});
const status = (over: Partial<AppStatus> = {}): AppStatus => ({
  environment: 'demo',
  connected: true,
  connecting: false,
  online: true,
  session: null,
  lastSyncAt: null,
  ...over,
});
const progress = (over: Partial<BatchProgress> = {}, counts: Partial<BatchProgress['counts']> = {}): BatchProgress => ({
  batchId: 'b1',
  name: 'Bunke',
  state: 'running',
  pauseReason: null,
  counts: { total: 3, done: 0, failed: 0, skipped: 0, pending: 3, in_flight: 0, unknown: 0, ...counts },
  throughputPerMinute: 0,
  etaSeconds: null,
  waitingUntil: null,
  ...over,
});
const has = (keys: QueryKey[], key: QueryKey) => keys.some((k) => JSON.stringify(k) === JSON.stringify(key));

describe('the event → invalidation map', () => {
  it('takes the first status as the starting point, then drops everything user-bound when the person changes', () => {
    const first = invalidationsFor('app.status', status(), emptyMemory());
    expect(first.keys).toEqual([]);
    const online = invalidationsFor('app.status', status({ online: false }), first.memory);
    expect(online.keys).toEqual([]);
    const signedIn = invalidationsFor('app.status', status({ session: session('kari') }), online.memory);
    expect(signedIn.reset).toBe(true);
    for (const key of [queryKeys.clients.all, queryKeys.systemUsers, queryKeys.batches.all, queryKeys.audit.all]) {
      expect(has(signedIn.keys, key)).toBe(true);
    }
    // The app's own settings are not the person's.
    expect(has(signedIn.keys, queryKeys.settings)).toBe(false);
    const other = invalidationsFor('app.status', status({ session: session('morten') }), signedIn.memory);
    expect(other.reset).toBe(true);
    expect(has(other.keys, queryKeys.clients.all)).toBe(true);
  });

  it('asks for the settings again when the environment comes up after they were answered, and nothing else', () => {
    // At start the settings and status are answered before the environment is connected (the start gate).
    const starting = invalidationsFor('app.status', status({ connected: false }), emptyMemory()).memory;
    const up = invalidationsFor('app.status', status({ connected: true }), starting);
    expect(up).toMatchObject({ keys: [queryKeys.settings], reset: false });
    expect(invalidationsFor('app.status', status({ connected: true }), up.memory).keys).toEqual([]);
  });

  it('drops everything user-bound on a new environment even with nobody signed in', () => {
    const start = invalidationsFor('app.status', status(), emptyMemory()).memory;
    const test = invalidationsFor('app.status', status({ environment: 'test' }), start);
    expect(test.reset).toBe(true);
    expect(has(test.keys, queryKeys.clients.all)).toBe(true);
  });

  it('refetches the client list, the system users and the audit log when a sync is done, only the sync info when it fails', () => {
    const m = emptyMemory();
    const done = invalidationsFor('clients.syncProgress', { phase: 'done', done: 5, total: 5 }, m);
    expect(done.reset).toBe(false);
    expect(has(done.keys, queryKeys.clients.all) && has(done.keys, queryKeys.systemUsers) && has(done.keys, queryKeys.audit.all)).toBe(
      true,
    );
    const failed = invalidationsFor('clients.syncProgress', { phase: 'failed', done: 0, total: 0 }, m);
    expect(has(failed.keys, queryKeys.clients.all)).toBe(false);
    expect(has(failed.keys, queryKeys.clients.syncInfo)).toBe(true);
    expect(invalidationsFor('clients.syncProgress', { phase: 'systemUsers', done: 0, total: 1 }, m).keys).toEqual([
      queryKeys.clients.syncInfo,
    ]);
    expect(invalidationsFor('clients.syncProgress', { phase: 'delegations', done: 1, total: 2 }, m).keys).toEqual([]);
  });

  it('refetches a batch on every progress, and the client list and audit only when an item settles or the state changes', () => {
    let memory: EventMemory = emptyMemory();
    const step = (p: BatchProgress) => {
      const result = invalidationsFor('batches.progress', p, memory);
      memory = result.memory;
      return result.keys;
    };
    const firstSeen = step(progress());
    expect(has(firstSeen, queryKeys.batches.detail('b1')) && has(firstSeen, queryKeys.batches.list)).toBe(true);
    expect(has(firstSeen, queryKeys.clients.all)).toBe(true);
    // Only the throughput moved: the batch, not the client list.
    const tick = step(progress({ throughputPerMinute: 12, etaSeconds: 9 }));
    expect(has(tick, queryKeys.batches.detail('b1'))).toBe(true);
    expect(has(tick, queryKeys.clients.all)).toBe(false);
    const settled = step(progress({}, { done: 1, pending: 2 }));
    expect(has(settled, queryKeys.clients.all) && has(settled, queryKeys.audit.all)).toBe(true);
    const paused = step(progress({ state: 'paused' }, { done: 1, pending: 2 }));
    expect(has(paused, queryKeys.clients.all)).toBe(true);
    // Another batch has its own memory.
    expect(has(step(progress({ batchId: 'b2' })), queryKeys.batches.detail('b2'))).toBe(true);
  });
});
