import { describe, expect, it } from 'vitest';
import { agentIdentifierProblem, lastNameProblem, normaliseAgentIdentifier } from '../../../shared/domain/agent-identity';
import { roleOfPackage, byRole } from '../../../electron/features/employees/roles';

describe('agent identifiers', () => {
  it('accepts a national id with both check digits right, with or without spaces', () => {
    expect(agentIdentifierProblem('14857110014')).toBeNull();
    expect(agentIdentifierProblem('148571 10014')).toBeNull();
    expect(normaliseAgentIdentifier(' 148571 10014 ')).toBe('14857110014');
  });

  it('names what is wrong with a number: length, or either check digit', () => {
    expect(agentIdentifierProblem('1485711001')).toBe('not-eleven-digits');
    expect(agentIdentifierProblem('14857110015')).toBe('bad-check-digits');
    expect(agentIdentifierProblem('14857110024')).toBe('bad-check-digits');
    expect(agentIdentifierProblem('   ')).toBe('empty');
  });

  it('takes anything else as a username, within what usernames may hold', () => {
    expect(agentIdentifierProblem('olanilsen')).toBeNull();
    expect(normaliseAgentIdentifier(' olanilsen ')).toBe('olanilsen');
    expect(agentIdentifierProblem('ola nilsen')).toBe('bad-username');
    expect(agentIdentifierProblem('<b>')).toBe('bad-username');
    expect(lastNameProblem(' ')).toBe('empty');
    expect(lastNameProblem('Nilsen')).toBeNull();
  });
});

describe('roles of client packages', () => {
  it('sends each package through the role that carries it, and others as given directly', () => {
    expect(roleOfPackage('urn:altinn:accesspackage:regnskapsforer-lonn')).toBe('regnskapsforer');
    expect(roleOfPackage('ansvarlig-revisor')).toBe('revisor');
    expect(roleOfPackage('forretningsforer-eiendom')).toBe('forretningsforer');
    expect(roleOfPackage('skattegrunnlag')).toBe('rettighetshaver');
    expect(byRole(['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag', 'regnskapsforer-lonn'])).toEqual([
      { role: 'regnskapsforer', packages: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-lonn'] },
      { role: 'rettighetshaver', packages: ['skattegrunnlag'] },
    ]);
  });
});
