import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../electron/features/batches/classify-error';
import { batchReportCsv } from '../../../electron/features/batches/report-csv';
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { describeOutcome, knownOutcomeCodes } from '../../../shared/domain/outcomes';
import { formatSheetDateTime } from '../../../shared/format/format';
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

    const report = (lang: 'nb' | 'en') => {
      const { filename, csv } = batchReportCsv(
        h.service.store.summary(batch.id),
        h.service.store.allItems(batch.id),
        lang,
        new Date('2026-11-24T10:00:00Z'),
        'Europe/Oslo',
      );
      const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { delimiter: ';' }).data as string[][];
      return { filename, csv, rows: rows.map((r) => Object.fromEntries(header!.map((name, k) => [name, r[k]]))) };
    };
    const nb = report('nb');
    expect(nb.filename).toBe('klientdesk-batch-Report-2026-11-24.csv');
    expect(nb.csv.startsWith('\uFEFFOrg.nr;Navn;Systemtilgang;Operasjon;Status;Forklaring;Forsøk;Oppdatert;org_no;')).toBe(true);
    const title = h.service.store.summary(batch.id).systemUserTitle || SU_A;
    const [done, failed] = nb.rows;
    expect(done).toMatchObject({
      'Org.nr': formatOrgNumber(a!),
      Systemtilgang: title,
      Operasjon: 'Legg til',
      Status: 'Utført',
      Forklaring: 'Utført.',
    });
    expect(done).toMatchObject({
      org_no: a,
      system_access_id: SU_A,
      operation_code: 'add',
      status_code: 'done',
      code: '',
      correlation_id: 'c-1',
    });
    expect(failed).toMatchObject({
      Status: 'Feilet',
      Forklaring: 'Ikke en av firmaets klienter.',
      status_code: 'failed',
      code: 'AUTH-00079',
    });
    const updated = h.service.store.allItems(batch.id)[0]!.updatedAt;
    expect(done!.updated_utc).toBe(updated);
    expect(done!.Oppdatert).toBe(formatSheetDateTime(updated, 'nb', 'Europe/Oslo'));
    expect(done!.Oppdatert).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);

    const [doneEn, failedEn] = report('en').rows;
    expect(doneEn).toMatchObject({ Operation: 'Add', Status: 'Done', operation_code: 'add', status_code: 'done', correlation_id: 'c-1' });
    expect(failedEn).toMatchObject({ Explanation: 'Not one of the firm’s clients.', code: 'AUTH-00079' });
    expect(doneEn!.Updated).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  });
});
