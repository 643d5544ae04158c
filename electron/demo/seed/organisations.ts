// The named organisations of the demo world (actors.md §5.1, §6.4).
import type { Relationship } from '../../../shared/domain/packages';

export interface Organisation {
  orgNo: string;
  name: string;
  /** ER organisation form, shown by AM as `variant`. */
  form: string;
  partyId: number;
  parentOrgNo?: string;
}

export interface NamedClient extends Organisation {
  key: string;
  roles: Relationship[];
  /** Packages the client delegated directly to the firm (AM role `rettighetshaver`). */
  direct: string[];
}

export const SKATTEETATEN: Organisation = { orgNo: '974761076', name: 'SKATTEETATEN', form: 'ORGL', partyId: 51000001 };
export const VENDOR: Organisation = { orgNo: '310000019', name: 'SMARTCLOUD AS', form: 'AS', partyId: 51000002 };
export const FIRM: Organisation = { orgNo: '310000027', name: 'REGNSKAPSFIRMA AS', form: 'AS', partyId: 51000003 };

const SG = ['skattegrunnlag'];

export const NAMED_CLIENTS: readonly NamedClient[] = [
  { key: 'c1', orgNo: '313367002', name: 'FJELLBEKK RØRLEGGERSERVICE', form: 'ENK', partyId: 51000101, roles: ['REGN'], direct: SG },
  { key: 'c2', orgNo: '311851381', name: 'HAVBRIS FRISØR', form: 'ENK', partyId: 51000102, roles: ['REGN'], direct: [] },
  { key: 'c3', orgNo: '314961900', name: 'NORDLYS SNEKKERVERKSTED', form: 'ENK', partyId: 51000103, roles: ['REGN'], direct: [] },
  { key: 'c4', orgNo: '314055403', name: 'SOLSIDEN KAFÉ', form: 'ENK', partyId: 51000104, roles: ['REGN'], direct: SG },
  { key: 'c5', orgNo: '212201782', name: 'GRANLI TRANSPORT', form: 'ENK', partyId: 51000105, roles: ['REGN'], direct: [] },
  { key: 'c6', orgNo: '310478717', name: 'KYSTLINJE FOTO', form: 'ENK', partyId: 51000106, roles: ['REGN'], direct: [] },
  { key: 'c7', orgNo: '310000078', name: 'FJORDVIND HANDEL AS', form: 'AS', partyId: 51000107, roles: ['REGN'], direct: SG },
  { key: 'c8', orgNo: '310000035', name: 'BERGTIND BYGG AS', form: 'AS', partyId: 51000108, roles: ['REVI'], direct: [] },
  { key: 'c9', orgNo: '310000043', name: 'ELVEBREDDEN BORETTSLAG', form: 'BRL', partyId: 51000109, roles: ['FFØR'], direct: [] },
  { key: 'c10', orgNo: '310000051', name: 'LYSAKER KONSULT AS', form: 'AS', partyId: 51000110, roles: [], direct: SG },
  {
    key: 'c11',
    orgNo: '310000094',
    name: 'FJORDVIND HANDEL AS AVD BERGEN',
    form: 'BEDR',
    partyId: 51000111,
    roles: [],
    direct: [],
    parentOrgNo: '310000078',
  },
];

/** Not a client of the firm: for AUTH-00079 and a PDP "no". */
export const NON_CLIENT: Organisation & { key: string } = {
  key: 'x1',
  orgNo: '310000086',
  name: 'UKJENT HANDEL AS',
  form: 'AS',
  partyId: 51000201,
};
