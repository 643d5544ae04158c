// Altinn's code times an unanswered system-user request out after 180 days; some of its docs say 10. The world
// lets a test choose, and derives the status on read, so a changed setting or an advanced clock is enough.
import { describe, expect, it } from 'vitest';
import { effectiveStatus, REQUEST_TIMEOUT_DAYS } from '../../../electron/demo/altinn/wire';
import type { WorldContext } from '../../../electron/demo/context';
import type { SystemUserRequest } from '../../../electron/demo/state/model';

const DAY = 86_400_000;
const CREATED = Date.parse('2026-11-01T10:00:00Z');

function world(requestTimeoutDays: number, daysLater: number): WorldContext {
  const partial = { settings: { maskinportenErrors: 'real', requestTimeoutDays }, clock: { nowMs: () => CREATED + daysLater * DAY } };
  return partial as unknown as WorldContext;
}

function request(status: SystemUserRequest['status']): SystemUserRequest {
  return {
    id: 'r1',
    kind: 'agent',
    externalRef: 'x',
    systemId: '310000019_smartregnskap',
    partyOrgNo: '310000027',
    integrationTitle: 'x',
    accessPackages: [],
    rights: [],
    status,
    escalated: false,
    created: new Date(CREATED).toISOString(),
    isDeleted: false,
  };
}

describe('a system-user request nobody answers', () => {
  it('times out after the days the world is set to, counted from its creation', () => {
    expect(effectiveStatus(world(10, 9.9), request('New'))).toBe('New');
    expect(effectiveStatus(world(10, 10.1), request('New'))).toBe('Timedout');
    expect(effectiveStatus(world(REQUEST_TIMEOUT_DAYS, 10.1), request('New'))).toBe('New');
    expect(effectiveStatus(world(REQUEST_TIMEOUT_DAYS, REQUEST_TIMEOUT_DAYS + 0.1), request('New'))).toBe('Timedout');
  });

  it('keeps a decided request as it was decided, however long ago', () => {
    expect(effectiveStatus(world(10, 400), request('Accepted'))).toBe('Accepted');
    expect(effectiveStatus(world(10, 400), request('Rejected'))).toBe('Rejected');
  });
});
