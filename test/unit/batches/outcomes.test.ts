import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../electron/core/batches/classify-error';
import { batchReportCsv } from '../../../electron/core/batches/report-csv';
import { describeOutcome, knownOutcomeCodes } from '../../../shared/domain/outcomes';
import { AppError } from '../../../shared/errors';
import { altinnError, networkError, timeoutError } from './fake-altinn';
import { harness, orgNumbers, SU_A } from './harness';

describe('outcome texts', () => {
  it('name the missing package for AUTH-00080 when it is known', () => {
    expect(describeOutcome('AUTH-00080', 'en', { missingPackages: ['urn:altinn:accesspackage:skattegrunnlag'] })).toBe(
      'The client has not given the firm the package «Tax basis», which this system access requires.',
    );
    expect(describeOutcome('AUTH-00080', 'nb', { missingPackages: ['skattegrunnlag', 'regnskapsforer-lonn'] })).toContain(
      '«Skattegrunnlag» og «Regnskapsfører lønn»',
    );
    expect(describeOutcome('AUTH-00080', 'en')).toContain('every access package');
  });

  it('say it plainly for the common codes, in both languages', () => {
    expect(describeOutcome('AUTH-00079', 'en')).toBe('Not one of the firm’s clients.');
    expect(describeOutcome('AUTH-00079', 'nb')).toBe('Ikke en av firmaets klienter.');
    expect(describeOutcome('NO_CLIENT_ADMIN', 'en')).toContain('Client administrator');
    expect(describeOutcome('HTTP_503', 'en')).toContain('unavailable');
    expect(describeOutcome('NETWORK', 'nb')).toContain('nettverksfeil');
    for (const code of knownOutcomeCodes()) {
      expect(describeOutcome(code, 'nb')).not.toBe(describeOutcome(code, 'en'));
    }
  });

  it('word anything unknown without repeating the code, which the details show', () => {
    expect(describeOutcome('AUTH-99999', 'en')).toBe('Altinn refused the call. The code is in the details.');
    expect(describeOutcome('AUTH-99999', 'nb')).not.toContain('AUTH-99999');
    expect(describeOutcome('HTTP_400', 'nb')).toBe('Altinn godtok ikke forespørselen.');
  });
});

describe('error classification', () => {
  it('tells verdicts from passing trouble', () => {
    expect(classifyError(altinnError('AUTH-00080', 400))).toMatchObject({
      kind: 'failed',
      code: 'AUTH-00080',
      correlationId: 'corr-AUTH-00080',
    });
    expect(classifyError(altinnError('HTTP_503', 503))).toMatchObject({ kind: 'busy', retryAfterMs: null });
    expect(classifyError(altinnError('HTTP_429', 429, { retryAfterSeconds: 7 }))).toMatchObject({ kind: 'busy', retryAfterMs: 7000 });
    expect(classifyError(networkError())).toMatchObject({ kind: 'offline' });
    expect(classifyError(altinnError('ALTINN_UNAUTHENTICATED', 401))).toMatchObject({ kind: 'signed_out' });
    expect(classifyError(new AppError('NOT_LOGGED_IN', 'Sign in first.'))).toMatchObject({ kind: 'signed_out' });
    expect(classifyError(altinnError('NO_CLIENT_ADMIN', 403))).toMatchObject({ kind: 'forbidden' });
    // Whether a call that failed this way reached Altinn is not known: only Altinn's list can settle it.
    expect(classifyError(new TypeError('fetch failed'))).toMatchObject({ kind: 'unknown' });
    expect(classifyError(timeoutError())).toMatchObject({ kind: 'unknown', code: 'TIMEOUT' });
    expect(classifyError(altinnError('HTTP_502', 502))).toMatchObject({ kind: 'unknown' });
  });
});

describe('the batch report', () => {
  it('is semicolon CSV with a BOM, with codes, plain words and correlation ids', async () => {
    const h = harness();
    const [a, b] = orgNumbers(2);
    const batch = h.service.create({
      name: 'Report',
      systemUserId: SU_A,
      items: [
        { orgNumber: a!, operation: 'add', partyUuid: h.altinn.partyOf(a!) },
        { orgNumber: b!, operation: 'add', partyUuid: h.altinn.partyOf(b!) },
      ],
      submit: true,
    });
    h.service.store.move(batch.id, 'running');
    const first = h.service.store.claimNext(batch.id, 'run-1')!;
    h.service.store.finish(first.item.id, first.sendId, { kind: 'done', correlationId: 'c-1' });
    const second = h.service.store.claimNext(batch.id, 'run-1')!;
    h.service.store.finish(second.item.id, second.sendId, {
      kind: 'failed',
      code: 'AUTH-00079',
      message: 'Client not found.',
      correlationId: 'c-2',
    });

    const { filename, csv } = batchReportCsv(
      h.service.store.summary(batch.id),
      h.service.store.allItems(batch.id),
      'nb',
      new Date('2026-11-24T10:00:00Z'),
    );
    expect(filename).toBe('klientdesk-batch-Report-2026-11-24.csv');
    expect(csv.startsWith('\uFEFFOrg.nr;Navn;Operasjon;Status;Kode;Forklaring;Korrelasjons-ID;Forsøk;Oppdatert\r\n')).toBe(true);
    const rows = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split(';'));
    expect(rows[0]!.slice(0, 7)).toEqual([a, '', 'Legg til', 'Utført', '', 'Utført.', 'c-1']);
    expect(rows[1]!.slice(0, 7)).toEqual([b, '', 'Legg til', 'Feilet', 'AUTH-00079', 'Ikke en av firmaets klienter.', 'c-2']);
  });
});
