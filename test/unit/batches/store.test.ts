import { describe, expect, it } from 'vitest';
import { canMoveBatch, canMoveItem, BATCH_STATES } from '../../../shared/domain/batch';
import { readAuditDetail, wordAuditDetail } from '../../../shared/domain/audit-details';
import { harness, orgNumbers, SU_A } from './harness';

const auditRows = (db: ReturnType<typeof harness>['db']) =>
  db
    .prepare('SELECT action, outcome, batch_id, client_org_number, actor, environment, system_user_id, detail FROM audit_log ORDER BY id')
    .all() as {
    action: string;
    outcome: string;
    batch_id: string;
    client_org_number: string | null;
    actor: string;
    environment: string;
    system_user_id: string;
    detail: string;
  }[];

describe('the batch state machine', () => {
  it('allows only the documented moves', () => {
    expect(canMoveBatch('draft', 'queued')).toBe(true);
    expect(canMoveBatch('draft', 'running')).toBe(false);
    expect(canMoveBatch('completed', 'queued')).toBe(false);
    expect(canMoveBatch('completed_with_failures', 'queued')).toBe(true);
    expect(canMoveItem('done', 'pending')).toBe(false);
    expect(canMoveItem('in_flight', 'done')).toBe(true);
  });

  it('refuses an illegal move with a typed error and changes nothing', () => {
    const { service, db } = harness();
    const b = service.create({
      name: 'Plan',
      systemUserId: SU_A,
      items: [{ orgNumber: orgNumbers(1)[0]!, operation: 'add' }],
      submit: false,
    });
    const auditBefore = auditRows(db).length;
    expect(() => service.store.move(b.id, 'completed')).toThrowError(expect.objectContaining({ code: 'BATCH_ILLEGAL_TRANSITION' }));
    expect(() => service.resume(b.id)).toThrowError(expect.objectContaining({ code: 'BATCH_ILLEGAL_TRANSITION' }));
    expect(service.store.stateOf(b.id)).toBe('draft');
    expect(auditRows(db).length).toBe(auditBefore);
  });

  it('writes each state change together with its audit row', () => {
    const { service, db } = harness();
    const b = service.create({
      name: 'Plan',
      systemUserId: SU_A,
      items: [{ orgNumber: orgNumbers(1)[0]!, operation: 'add' }],
      submit: true,
    });
    service.pause(b.id);
    service.cancel(b.id);
    const rows = auditRows(db).filter((r) => r.action === 'batch.state');
    expect(rows.map((r) => r.outcome)).toEqual(['queued', 'paused', 'cancelled']);
    expect(
      rows.every((r) => r.actor === 'Morten Lie' && r.environment === 'demo' && r.system_user_id === SU_A && r.batch_id === b.id),
    ).toBe(true);
    const paused = readAuditDetail(rows[1]!.detail);
    expect(paused).toMatchObject({
      detail: null,
      detailCode: 'batch.paused',
      detailParams: { from: 'queued', to: 'paused', reason: 'user' },
    });
    expect(wordAuditDetail(paused.detailCode!, paused.detailParams!, 'nb')).toBe('Fra i kø til pauset (pauset av brukeren)');
    // The pending item was skipped, with its own audit row.
    const skipped = auditRows(db).filter((r) => r.action === 'client.add');
    expect(skipped).toEqual([expect.objectContaining({ outcome: 'skipped' })]);
  });

  it('rolls the state change back when its audit row cannot be written', () => {
    const { service, db } = harness();
    const b = service.create({
      name: 'Plan',
      systemUserId: SU_A,
      items: [{ orgNumber: orgNumbers(1)[0]!, operation: 'add' }],
      submit: false,
    });
    db.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => service.submit(b.id)).toThrow(/disk full/);
    expect(service.store.stateOf(b.id)).toBe('draft');
  });

  it('knows every state the contract names', () => {
    expect(BATCH_STATES).toContain('completed_with_failures');
  });
});

describe('drafts', () => {
  it('are created, renamed and edited offline, and refuse bad or repeated org numbers', () => {
    const { service, knobs } = harness();
    knobs.online = false;
    const [a, b, c] = orgNumbers(3);
    const draft = service.create({ name: 'Train plan', systemUserId: SU_A, items: [{ orgNumber: a!, operation: 'add' }], submit: false });
    service.rename(draft.id, 'Train plan v2');
    service.editItems(
      draft.id,
      [
        { orgNumber: `${b!.slice(0, 3)} ${b!.slice(3)}`, operation: 'add' },
        { orgNumber: c!, operation: 'remove' },
      ],
      [a!],
    );
    const got = service.get(draft.id, {});
    expect(got.batch.name).toBe('Train plan v2');
    expect(got.items.map((i) => [i.orgNumber, i.operation])).toEqual([
      [b, 'add'],
      [c, 'remove'],
    ]);
    // No partyUuid is guessed: until the client list or Altinn knows the client, it has none.
    expect(got.items[0]!.partyUuid).toBe('');

    expect(() => service.editItems(draft.id, [{ orgNumber: '123456789', operation: 'add' }])).toThrowError(
      expect.objectContaining({ code: 'BATCH_INVALID_ITEMS' }),
    );
    expect(() => service.editItems(draft.id, [{ orgNumber: c!, operation: 'add' }])).toThrowError(
      expect.objectContaining({ code: 'BATCH_INVALID_ITEMS' }),
    );
    expect(service.get(draft.id, {}).totalItems).toBe(2);
  });

  it('cannot be edited or deleted once submitted, but can be duplicated', () => {
    const { service } = harness();
    const [a, b] = orgNumbers(2);
    const batch = service.create({ name: 'Plan', systemUserId: SU_A, items: [{ orgNumber: a!, operation: 'add' }], submit: true });
    expect(() => service.editItems(batch.id, [{ orgNumber: b!, operation: 'add' }])).toThrowError(
      expect.objectContaining({ code: 'BATCH_NOT_DRAFT' }),
    );
    expect(() => service.delete(batch.id)).toThrowError(expect.objectContaining({ code: 'BATCH_NOT_DRAFT' }));
    const copy = service.duplicate(batch.id);
    expect(copy.state).toBe('draft');
    expect(copy.counts.total).toBe(1);
    service.delete(copy.id);
    expect(() => service.get(copy.id, {})).toThrowError(expect.objectContaining({ code: 'BATCH_NOT_FOUND' }));
  });

  it('refuses to submit an empty batch', () => {
    const { service } = harness();
    const empty = service.create({ name: 'Empty', systemUserId: SU_A, items: [], submit: false });
    expect(() => service.submit(empty.id)).toThrowError(expect.objectContaining({ code: 'BATCH_EMPTY' }));
  });

  it('takes the partyUuid and name from the local client list when it has the client', () => {
    const { service, db } = harness();
    const [a] = orgNumbers(1);
    // A row of the client list (migration 002), as its sync would write it.
    db.prepare(
      `INSERT INTO clients (environment, org_number, party_uuid, name, variant, is_sub_unit, relationship_mask, packages, sort_name, search_text,
         first_seen_at, first_seen_sync, last_seen_at)
       VALUES ('demo', ?, ?, ?, 'AS', 0, 1, ?, 'fjell as', 'fjell as', '2026-11-24', 0, '2026-11-24')`,
    ).run(a, '11111111-2222-4333-8444-555555555555', 'FJELL AS', '["skattegrunnlag"]');
    const draft = service.create({ name: 'Plan', systemUserId: SU_A, items: [{ orgNumber: a!, operation: 'add' }], submit: false });
    expect(service.get(draft.id, {}).items[0]).toMatchObject({ partyUuid: '11111111-2222-4333-8444-555555555555', name: 'FJELL AS' });
  });
});
