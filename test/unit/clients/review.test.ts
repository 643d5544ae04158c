import { describe, expect, it } from 'vitest';
import { reviewOrgNumbers } from '../../../electron/features/clients/review';
import { DEMO_CLIENTS, openTestDb, seed, SU_A, SU_B } from './helpers';

function world() {
  const db = openTestDb();
  seed(db, { clients: DEMO_CLIENTS });
  // KYSTLINJE FOTO leaves the firm while still delegated to SU-A.
  seed(db, { clients: DEMO_CLIENTS.filter((c) => c.orgNumber !== '310478717') }, 'demo', new Date('2026-11-25T10:00:00Z'));
  return db;
}

const verdicts = (items: { orgNumber: string; verdict: string }[]) => Object.fromEntries(items.map((i) => [i.orgNumber, i.verdict]));

describe('reviewing a list before it is sent', () => {
  it('adds to SU-B: ready, already delegated, AND-rule failures with the missing package, unknown, invalid, duplicate', () => {
    const db = world();
    const items = reviewOrgNumbers(db, 'demo', {
      systemUserId: SU_B,
      operation: 'add',
      orgNumbers: ['314 055 403', '313367002', '311851381', '310000051', '310000086', '123456789', 'abc', '314055403'],
    });
    expect(items.map((i) => i.verdict)).toEqual([
      'ready',
      'already_done',
      'fails_and_rule',
      'fails_and_rule',
      'unknown_client',
      'invalid_number',
      'invalid_number',
      'duplicate',
    ]);
    expect(items[0]).toMatchObject({ input: '314 055 403', orgNumber: '314055403', name: 'SOLSIDEN KAFÉ', missingPackages: [] });
    expect(items[2]).toMatchObject({ name: 'HAVBRIS FRISØR', missingPackages: ['skattegrunnlag'] });
    expect(items[3]).toMatchObject({ name: 'LYSAKER KONSULT AS', missingPackages: ['regnskapsforer-med-signeringsrettighet'] });
    expect(items[4]!.name).toBeNull();
  });

  it('refuses to offer an auditor client to the accountant system user', () => {
    const items = reviewOrgNumbers(world(), 'demo', { systemUserId: SU_A, operation: 'add', orgNumbers: ['310000035'] });
    expect(items[0]).toMatchObject({ verdict: 'fails_and_rule', missingPackages: ['regnskapsforer-med-signeringsrettighet'] });
  });

  it('treats a client that has left the firm as unknown when adding, but ready when removing its delegation', () => {
    const db = world();
    expect(reviewOrgNumbers(db, 'demo', { systemUserId: SU_A, operation: 'add', orgNumbers: ['310478717'] })[0]).toMatchObject({
      verdict: 'unknown_client',
      name: 'KYSTLINJE FOTO',
    });
  });

  it('removes: ready when delegated (even after leaving), not delegated otherwise', () => {
    const db = openTestDb();
    seed(db, { clients: DEMO_CLIENTS });
    seed(db, { clients: DEMO_CLIENTS.filter((c) => c.orgNumber !== '311851381') });
    const items = reviewOrgNumbers(db, 'demo', {
      systemUserId: SU_A,
      operation: 'remove',
      orgNumbers: ['311851381', '310478717', '310000086', '313367002'],
    });
    expect(verdicts(items)).toEqual({
      '311851381': 'ready',
      '310478717': 'already_done',
      '310000086': 'unknown_client',
      '313367002': 'ready',
    });
    expect(items[0]!.name).toBe('HAVBRIS FRISØR');
  });

  it('says so plainly when the system user is not in the local copy', () => {
    expect(() =>
      reviewOrgNumbers(world(), 'demo', { systemUserId: '99999999-9999-4999-8999-999999999999', operation: 'add', orgNumbers: [] }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_SYSTEM_USER' }));
  });

  it('reviews from the environment asked for only', () => {
    expect(() => reviewOrgNumbers(world(), 'production', { systemUserId: SU_A, operation: 'add', orgNumbers: ['313367002'] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SYSTEM_USER' }),
    );
  });
});
