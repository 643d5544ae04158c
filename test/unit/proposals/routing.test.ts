import { describe, expect, it } from 'vitest';
import type { EmployeeGroup, RoutingRule } from '../../../shared/contract/app';
import { employeePackagesOf, routesFor } from '../../../electron/features/proposals/routing';

const A = '0c1d2e3f-1111-4222-8333-444455556666';
const B = '1d2e3f40-2222-4333-8444-555566667777';
const KARI = 'aaaaaaaa-1111-4222-8333-000000000001';
const JONAS = 'aaaaaaaa-1111-4222-8333-000000000002';
const SIRI = 'aaaaaaaa-1111-4222-8333-000000000003';
const rule = (r: Partial<RoutingRule> & Pick<RoutingRule, 'relationship'>): RoutingRule => ({
  systemUserIds: [],
  employees: [],
  groups: [],
  employeePackages: [],
  unattended: false,
  ...r,
});
const RULES: RoutingRule[] = [
  rule({ relationship: 'REGN', systemUserIds: [A] }),
  rule({ relationship: 'REVI', systemUserIds: [B], unattended: true }),
  rule({ relationship: 'FFØR', systemUserIds: [A, B] }),
];
const su = (systemUserId: string, relationship: RoutingRule['relationship'], unattended = false) => ({
  key: `su:${systemUserId}`,
  target: { kind: 'systemUser', systemUserId },
  relationship,
  unattended,
});

describe('routesFor', () => {
  it('sends a client by its relationship, with the rule’s unattended flag', () => {
    expect(routesFor(['REGN'], RULES)).toEqual([su(A, 'REGN')]);
    expect(routesFor(['REVI'], RULES)).toEqual([su(B, 'REVI', true)]);
  });

  it('follows every matching rule once per system user, the first rule deciding', () => {
    expect(routesFor(['REGN', 'FFØR'], RULES)).toEqual([su(A, 'REGN'), su(B, 'FFØR')]);
  });

  it('routes nothing without a rule for the relationship', () => {
    expect(routesFor([], RULES)).toEqual([]);
    expect(routesFor(['REVI'], [])).toEqual([]);
  });

  it('sends REGN clients to a system user and to each member of an employee group, each with the rule’s packages', () => {
    const groups: EmployeeGroup[] = [
      {
        name: 'Team X',
        members: [
          { partyUuid: KARI, name: 'Kari' },
          { partyUuid: JONAS, name: 'Jonas' },
        ],
      },
      { name: 'Team Y', members: [{ partyUuid: SIRI, name: 'Siri' }] },
    ];
    const rules = [
      rule({ relationship: 'REGN', systemUserIds: [A], groups: ['Team X'], employeePackages: ['regnskapsforer-lonn'] }),
      rule({ relationship: 'REVI', systemUserIds: [B] }),
    ];
    const routes = routesFor(['REGN'], rules, groups);
    expect(routes.map((r) => r.target)).toEqual([
      { kind: 'systemUser', systemUserId: A },
      { kind: 'employee', partyUuid: KARI, name: 'Kari', packages: ['regnskapsforer-lonn'] },
      { kind: 'employee', partyUuid: JONAS, name: 'Jonas', packages: ['regnskapsforer-lonn'] },
    ]);
    expect(routesFor(['REVI'], rules, groups).map((r) => r.target)).toEqual([{ kind: 'systemUser', systemUserId: B }]);
  });

  it('names a person once when a rule names them both directly and through a group; a group that is gone adds no one', () => {
    const groups: EmployeeGroup[] = [{ name: 'Team X', members: [{ partyUuid: KARI.toUpperCase(), name: 'Kari' }] }];
    const r = rule({ relationship: 'REGN', employees: [{ partyUuid: KARI, name: 'Kari N.' }], groups: ['Team X', 'Gone'] });
    expect(routesFor(['REGN'], [r], groups).map((x) => x.target)).toEqual([
      { kind: 'employee', partyUuid: KARI, name: 'Kari N.', packages: ['regnskapsforer-med-signeringsrettighet'] },
    ]);
  });

  it('gives employees the relationship’s first package when the rule names none, and package URNs as codes', () => {
    expect(employeePackagesOf({ relationship: 'REVI', employeePackages: [] })).toEqual(['ansvarlig-revisor']);
    expect(employeePackagesOf({ relationship: 'REGN', employeePackages: ['urn:altinn:accesspackage:regnskapsforer-lonn'] })).toEqual([
      'regnskapsforer-lonn',
    ]);
  });
});
