import { describe, expect, it } from 'vitest';
import { createClaimsHandlers, type ClaimsDeps } from '../../../electron/features/claims/feature';
import { ServiceError } from '../../../electron/platform/errors';
import { readAuditDetail, wordAuditDetail } from '../../../shared/domain/audit-details';
import type { KravPort } from '../../../electron/app/ports';
import { parseOpenClaims } from '../../../electron/services/skatteetaten/schemas';
import { C1_BODY, EMPTY_BODY } from './aapnekrav-body';

const das008 = (): ServiceError =>
  new ServiceError({ service: 'skatteetaten', code: 'DAS-008', status: 403, message: 'no access', korrelasjonsid: 'k-6' });

/** The fake answers with Skatteetaten's JSON; the port hands it on parsed, as the real client does. */
function setup(answer: (org: string) => Promise<unknown>, demoDate: string | null = '2026-11-24') {
  const audits: { action: string; detail?: string | null }[] = [];
  const openClaims: KravPort['openClaims'] = async (org) => parseOpenClaims(await answer(org), org);
  const ctx: ClaimsDeps = {
    krav: () => ({ openClaims }),
    altinn: () => {
      throw new Error('not used without a systemUserId');
    },
    now: () => new Date('2026-11-25T10:00:00Z'),
    environmentDate: () => demoDate,
    audit: (r) => audits.push(r),
  };
  const fetchOpen = createClaimsHandlers(ctx)['claims.fetchOpen'];
  return { fetchOpen: (orgNumbers: string[]) => fetchOpen({ orgNumbers }, { transport: 'ipc' }), audits };
}

describe('claims.fetchOpen', () => {
  it('gives each client its outcome: c1 open claims, c5 none, c6 not delegated', async () => {
    const { fetchOpen, audits } = setup(async (org) => {
      if (org === '313367002') return C1_BODY;
      if (org === '212201782') return EMPTY_BODY;
      throw das008();
    });
    const result = await fetchOpen(['313367002', '212201782', '310478717']);
    expect(result.asOf).toBe('2026-11-24');
    expect(result.clients.map((c) => [c.orgNumber, c.outcome])).toEqual([
      ['313367002', 'ok'],
      ['212201782', 'none'],
      ['310478717', 'not_delegated'],
    ]);
    expect(result.clients[0]!.totals!.balance).toBe(24200);
    expect(audits).toEqual([expect.objectContaining({ action: 'claims_fetch' })]);
    const { detailCode, detailParams } = readAuditDetail(audits[0]!.detail ?? null);
    expect(detailParams).toEqual({ count: 3, ok: 1, none: 1, not_delegated: 1, withheld: 0, error: 0 });
    expect(wordAuditDetail(detailCode!, detailParams!, 'en')).toBe(
      '3 clients: 1 with claims, 1 without claims, 1 not delegated, 0 withheld, 0 failed',
    );
  });

  it('outside the demo, overdue is measured against today in Oslo', async () => {
    const { fetchOpen } = setup(async () => C1_BODY, null);
    expect((await fetchOpen(['313367002'])).asOf).toBe('2026-11-25');
  });

  it('never has more than five calls in flight, and asks once per distinct client', async () => {
    let inFlight = 0;
    let peak = 0;
    const asked: string[] = [];
    const { fetchOpen } = setup(async (org) => {
      asked.push(org);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return { ...EMPTY_BODY, partIdentifikator: org };
    });
    const orgs = Array.from({ length: 40 }, (_, i) => `3100${String(i).padStart(5, '0')}`);
    const result = await fetchOpen([...orgs, ...orgs.slice(0, 5)]);
    expect(peak).toBe(5);
    expect(asked.sort()).toEqual([...orgs].sort());
    expect(result.clients.map((c) => c.orgNumber)).toEqual(orgs);
  });

  it('stops and reports once when the failure is not about a client (Maskinporten refuses the grant)', async () => {
    let calls = 0;
    const { fetchOpen, audits } = setup(async () => {
      calls++;
      throw new ServiceError({
        service: 'maskinporten',
        code: 'invalid_client',
        status: 400,
        message: 'Maskinporten did not accept the key.',
      });
    });
    const orgs = Array.from({ length: 50 }, (_, i) => `3100${String(i).padStart(5, '0')}`);
    await expect(fetchOpen(orgs)).rejects.toMatchObject({ code: 'invalid_client' });
    expect(calls).toBeLessThanOrEqual(5);
    expect(audits).toEqual([]);
  });
});
