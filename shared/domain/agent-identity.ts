// What a client administrator types to add an employee as agent: a national id (fødselsnummer or D-number,
// both mod-11 checked) or an Altinn username, plus the person's last name. Altinn only says "not found" for
// a wrong combination, so the app names the mistakes it can see before asking.
import { isValidNationalId } from './orgnr';

export type AgentIdentifierProblem = 'empty' | 'not-eleven-digits' | 'bad-check-digits' | 'bad-username';
export type LastNameProblem = 'empty';

const USERNAME = /^[\p{L}\p{N}._@-]{2,64}$/u;

export function agentIdentifierProblem(value: string): AgentIdentifierProblem | null {
  const id = value.trim();
  if (id === '') return 'empty';
  const digits = id.replace(/\s/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 11) return 'not-eleven-digits';
    return isValidNationalId(digits) ? null : 'bad-check-digits';
  }
  return USERNAME.test(id) ? null : 'bad-username';
}

export const lastNameProblem = (value: string): LastNameProblem | null => (value.trim() === '' ? 'empty' : null);

/** The identifier as Altinn's lookup takes it: a national id without spaces, a username as typed. */
export function normaliseAgentIdentifier(value: string): string {
  const id = value.trim();
  const digits = id.replace(/\s/g, '');
  return /^\d+$/.test(digits) ? digits : id;
}
