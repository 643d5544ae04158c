// The firm's employees as the population and profile registers know them (actors.md §5.2 plus a few more).
// Only the persons in `people.ts` can sign in; the rest exist so a client administrator can add them as agents.
import { PERSONS } from './people';

export interface Employee {
  pid: string;
  name: string;
  /** A self-chosen Altinn username, for the "username and last name" lookup; most people have none. */
  username: string | null;
  userId: number;
  partyId: number;
}

/** Employees who never sign in to the demo: they are only looked up and given client access. */
export const OTHER_EMPLOYEES: readonly Employee[] = [
  { pid: '11889210054', name: 'Ingrid Haugen', username: null, userId: 20000004, partyId: 50000004 },
  { pid: '27838510014', name: 'Ola Nilsen', username: 'olanilsen', userId: 20000005, partyId: 50000005 },
  { pid: '05849910096', name: 'Sofie Bakke', username: null, userId: 20000006, partyId: 50000006 },
];

export const EMPLOYEES: readonly Employee[] = [
  ...PERSONS.map((p) => ({
    pid: p.pid,
    name: p.name,
    username: p.key === 'jonas' ? 'jonasberg' : null,
    userId: p.userId,
    partyId: p.partyId,
  })),
  ...OTHER_EMPLOYEES,
];

export const employeeByPid = (pid: string): Employee | undefined => EMPLOYEES.find((e) => e.pid === pid);

export const lastNameOf = (e: Employee): string => e.name.split(' ').pop() ?? '';

/**
 * The profile register's lookup behind AM's "add agent": 11 digits are a national id, anything else a username,
 * and the last name must match (case and surrounding spaces aside). A miss says nothing about which part was wrong.
 */
export function lookupEmployee(personIdentifier: string, lastName: string): Employee | undefined {
  const id = personIdentifier.trim();
  const asPid = /^\d{11}$/.test(id);
  const found = EMPLOYEES.find((e) => (asPid ? e.pid === id : e.username !== null && e.username.toLowerCase() === id.toLowerCase()));
  return found && lastNameOf(found).toLowerCase() === lastName.trim().toLowerCase() ? found : undefined;
}
