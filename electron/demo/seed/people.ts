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
