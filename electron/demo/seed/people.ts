// The persons of the demo world (actors.md §5.2) and the rights they hold for the firm.
import type { DemoPerson } from '../types';

const personPartyUuid = (pid: string): string => `00000000-0000-4000-9000-0${pid}`;

export const PERSONS: readonly DemoPerson[] = [
  {
    key: 'morten',
    pid: '14857110014',
    name: 'Morten Lie',
    userId: 20000001,
    partyId: 50000001,
    partyUuid: personPartyUuid('14857110014'),
    rights: ['klientadministrator', 'tilgangsstyrer', 'hovedadministrator'],
  },
  {
    key: 'kari',
    pid: '02908820080',
    name: 'Kari Nordby',
    userId: 20000002,
    partyId: 50000002,
    partyUuid: personPartyUuid('02908820080'),
    rights: [],
  },
  {
    key: 'jonas',
    pid: '23839430000',
    name: 'Jonas Berg',
    userId: 20000003,
    partyId: 50000003,
    partyUuid: personPartyUuid('23839430000'),
    rights: ['tilgangsstyrer'],
  },
];

export const personByPid = (pid: string): DemoPerson | undefined => PERSONS.find((p) => p.pid === pid);

/** Every person of the world works at the firm; only their rights differ. */
export const isClientAdministrator = (p: DemoPerson): boolean => p.rights.includes('klientadministrator');
export const isAccessManager = (p: DemoPerson): boolean => p.rights.includes('tilgangsstyrer');
