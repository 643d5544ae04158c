import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../../../shared/contract/app';
import { routesFor } from '../../../electron/features/proposals/routing';

const A = '0c1d2e3f-1111-4222-8333-444455556666';
const B = '1d2e3f40-2222-4333-8444-555566667777';
const RULES: RoutingRule[] = [
  { relationship: 'REGN', systemUserIds: [A], unattended: false },
  { relationship: 'REVI', systemUserIds: [B], unattended: true },
  { relationship: 'FFØR', systemUserIds: [A, B], unattended: false },
];

describe('routesFor', () => {
  it('sends a client by its relationship, with the rule’s unattended flag', () => {
    expect(routesFor(['REGN'], RULES)).toEqual([{ systemUserId: A, relationship: 'REGN', unattended: false }]);
    expect(routesFor(['REVI'], RULES)).toEqual([{ systemUserId: B, relationship: 'REVI', unattended: true }]);
  });

  it('follows every matching rule once per system user, the first rule deciding', () => {
    expect(routesFor(['REGN', 'FFØR'], RULES)).toEqual([
      { systemUserId: A, relationship: 'REGN', unattended: false },
      { systemUserId: B, relationship: 'FFØR', unattended: false },
    ]);
  });

  it('routes nothing without a rule for the relationship', () => {
    expect(routesFor([], RULES)).toEqual([]);
    expect(routesFor(['REVI'], [])).toEqual([]);
  });
});
