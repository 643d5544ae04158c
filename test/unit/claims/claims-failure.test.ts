import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { claimsFailure, isFailureForEveryClient } from '../../../electron/features/claims/claims-failure';
import { ServiceError } from '../../../electron/platform/errors';

const das008 = new ServiceError({
  service: 'skatteetaten',
  code: 'DAS-008',
  status: 403,
  message: 'The system user has no access to this client.',
  correlationId: 'ours-1',
  korrelasjonsid: '13a865f5-28f9-47db-9abd-ab78977c79fe',
});

describe('a failed open-claims call', () => {
  it('DAS-008 means the client is not delegated, with Skatteetaten’s korrelasjonsid kept', () => {
    const c6 = claimsFailure('310478717', das008);
    expect(c6).toMatchObject({ orgNumber: '310478717', outcome: 'not_delegated', claims: [], totals: null });
    expect(c6.error).toEqual({
      code: 'DAS-008',
      message: expect.stringContaining('SmartRegnskap has no access'),
      correlationId: '13a865f5-28f9-47db-9abd-ab78977c79fe',
    });
  });

  it('any 403 from Skatteetaten reads as not delegated (which code a PDP "no" gives is unconfirmed)', () => {
    const bare403 = new ServiceError({
      service: 'skatteetaten',
      code: 'HTTP_403',
      status: 403,
      message: 'Skatteetaten answered HTTP 403.',
      correlationId: 'ours-2',
    });
    expect(claimsFailure('310000035', bare403)).toMatchObject({ outcome: 'not_delegated', error: { correlationId: 'ours-2' } });
  });

  it('other service errors keep code, plain message and correlation id', () => {
    const kb009 = new ServiceError({
      service: 'skatteetaten',
      code: 'KB-009',
      status: 404,
      message: 'Skatteetaten does not know this organisation number.',
      korrelasjonsid: 'k-9',
    });
    expect(claimsFailure('310000043', kb009)).toMatchObject({
      outcome: 'error',
      error: { code: 'KB-009', message: 'Skatteetaten does not know this organisation number.', correlationId: 'k-9' },
    });
  });

  it('stops the whole fetch on failures that would repeat for every client', () => {
    expect(isFailureForEveryClient(das008)).toBe(false);
    expect(isFailureForEveryClient(new ServiceError({ service: 'skatteetaten', code: 'DAS-003', status: 500, message: 'x' }))).toBe(false);
    expect(isFailureForEveryClient(new ServiceError({ service: 'maskinporten', code: 'invalid_client', status: 400, message: 'x' }))).toBe(
      true,
    );
    expect(isFailureForEveryClient(new ServiceError({ service: 'skatteetaten', code: 'KB-004', status: 401, message: 'x' }))).toBe(true);
    expect(isFailureForEveryClient(new AppError('NO_SIGNING_KEY', 'x'))).toBe(true);
    expect(isFailureForEveryClient(new TypeError('bug'))).toBe(true);
  });
});
