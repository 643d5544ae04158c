// The persons of the demo world (actors.md §5.2) and the rights they hold for the firm.
import type { DemoPerson } from '../types';

/** A person as seeded; the party UUID is drawn per world (see `Directory.personPartyUuid`). */
export type SeedPerson = Omit<DemoPerson, 'partyUuid'>;

export const PERSONS: readonly SeedPerson[] = [
  {
    key: 'morten',
    pid: '14857110014',
    name: 'Morten Lie',
    userId: 20000001,
    partyId: 50000001,
    rights: ['klientadministrator', 'tilgangsstyrer', 'hovedadministrator'],
  },
  {
    key: 'kari',
    pid: '02908820080',
    name: 'Kari Nordby',
    userId: 20000002,
    partyId: 50000002,
    rights: [],
  },
  {
    key: 'jonas',
    pid: '23839430000',
    name: 'Jonas Berg',
    userId: 20000003,
    partyId: 50000003,
    rights: ['tilgangsstyrer'],
  },
];

export const personByPid = (pid: string): SeedPerson | undefined => PERSONS.find((p) => p.pid === pid);

/** Every person of the world works at the firm; only their rights differ. */
export const isClientAdministrator = (p: SeedPerson): boolean => p.rights.includes('klientadministrator');
export const isAccessManager = (p: SeedPerson): boolean => p.rights.includes('tilgangsstyrer');

/** Synthetic national ids add 80 to the month (and 40 to the day for D-numbers). */
export function birthDate(pid: string): string {
  const day = Number(pid.slice(0, 2)) % 40;
  const month = Number(pid.slice(2, 4)) % 40;
  const yy = Number(pid.slice(4, 6));
  const individual = Number(pid.slice(6, 9));
  const century = individual >= 500 && yy < 40 ? 2000 : 1900;
  return `${century + yy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
