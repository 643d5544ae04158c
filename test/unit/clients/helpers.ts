// Test doubles for the client list: an in-memory store, a scriptable Altinn, and the demo world's named
// clients and agent system users (actors.md §5.1, §6.3–§6.5), plus generated clients for volume.
import type { Database } from 'better-sqlite3';
import type { EnvironmentId } from '../../../shared/contract/define';
import { orgNumberCheckDigit } from '../../../shared/domain/orgnr';
import { testPartyUuid } from '../../helpers/party-uuids';
import { PACKAGES_BY_RELATIONSHIP, type Relationship } from '../../../shared/domain/packages';
import { createHash } from 'node:crypto';
import type {
  AgentSystemUser,
  ClientListMark,
  DelegatedClient,
  EndUserAltinn,
  FirmClient,
  FirmClientRead,
} from '../../../electron/app/ports';
import { saveSnapshot } from '../../../electron/features/clients/client-store';
import { openDatabase } from '../../../electron/platform/store/database';

export const openTestDb = (): Database => openDatabase({ file: ':memory:' }).db;

export const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
export const SU_B = '1d2e3f40-2222-4333-8444-555566667777';
export const SU_REVI = '2e3f4051-3333-4444-8555-666677778888';
const RF_MED = 'regnskapsforer-med-signeringsrettighet';

export const systemUser = (id: string, title: string, packages: string[]): AgentSystemUser => ({
  id,
  title,
  systemId: '310000019_smartregnskap',
  externalRef: title,
  packages,
  created: '2026-11-01T10:00:00Z',
});

export const DEMO_SYSTEM_USERS: AgentSystemUser[] = [
  systemUser(SU_A, 'SmartRegnskap – klienter', [RF_MED]),
  systemUser(SU_B, 'SmartRegnskap – skatt', [RF_MED, 'skattegrunnlag']),
];

export function client(
  orgNumber: string,
  name: string,
  roles: Relationship[],
  direct: string[] = [],
  extra: Partial<FirmClient> = {},
): FirmClient {
  return {
    partyUuid: testPartyUuid(orgNumber),
    orgNumber,
    name,
    variant: 'ENK',
    parentOrgNumber: null,
    relationships: roles,
    packages: [...roles.flatMap((r) => PACKAGES_BY_RELATIONSHIP[r]), ...direct],
    ...extra,
  };
}

const SG = ['skattegrunnlag'];
export const DEMO_CLIENTS: FirmClient[] = [
  client('313367002', 'FJELLBEKK RØRLEGGERSERVICE', ['REGN'], SG),
  client('311851381', 'HAVBRIS FRISØR', ['REGN']),
  client('314961900', 'NORDLYS SNEKKERVERKSTED', ['REGN']),
  client('314055403', 'SOLSIDEN KAFÉ', ['REGN'], SG),
  client('212201782', 'GRANLI TRANSPORT', ['REGN']),
  client('310478717', 'KYSTLINJE FOTO', ['REGN']),
  client('310000078', 'FJORDVIND HANDEL AS', ['REGN'], SG, { variant: 'AS' }),
  client('310000035', 'BERGTIND BYGG AS', ['REVI'], [], { variant: 'AS' }),
  client('310000043', 'ELVEBREDDEN BORETTSLAG', ['FFØR'], [], { variant: 'BRL' }),
  client('310000051', 'LYSAKER KONSULT AS', [], SG, { variant: 'AS' }),
  client('310000094', 'FJORDVIND HANDEL AS AVD BERGEN', [], [], { variant: 'BEDR', parentOrgNumber: '310000078' }),
];

export const delegated = (...orgNumbers: string[]): DelegatedClient[] =>
  orgNumbers.map((o) => ({ orgNumber: o, partyUuid: testPartyUuid(o), name: DEMO_CLIENTS.find((c) => c.orgNumber === o)?.name ?? o }));

/** The "ready" preset: SU-A has c1–c5, SU-B has c1. */
export const READY_DELEGATIONS = new Map([
  [SU_A, delegated('313367002', '311851381', '314961900', '314055403', '212201782')],
  [SU_B, delegated('313367002')],
]);

/** A mutable Altinn: change `clients` between syncs to make clients appear and leave. */
export class FakeAltinn implements EndUserAltinn {
  firm = { orgNumber: '310000027', partyUuid: testPartyUuid('310000027'), name: 'REGNSKAPSFIRMA AS' };
  calls: string[] = [];
  failOn: string | null = null;
  constructor(
    public clients: FirmClient[] = [...DEMO_CLIENTS],
    public systemUsers: AgentSystemUser[] = [...DEMO_SYSTEM_USERS],
    public delegations: Map<string, DelegatedClient[]> = new Map(READY_DELEGATIONS),
  ) {}
  private async answer<T>(call: string, value: T): Promise<T> {
    this.calls.push(call);
    await Promise.resolve();
    if (this.failOn === call) throw Object.assign(new Error('down'), { code: 'NETWORK' });
    return structuredClone(value);
  }
  listAgentSystemUsers = () => this.answer('listAgentSystemUsers', this.systemUsers);
  listFirmClients = () => this.answer('listFirmClients', this.clients);
  /** Mark each answer as the real reader does (a digest of what is sent), so that a re-sync may find it unchanged. */
  marking = false;
  readSince: (ClientListMark | null)[] = [];
  readFirmClients = async (since: ClientListMark | null): Promise<FirmClientRead> => {
    this.readSince.push(since);
    const clients = await this.answer('listFirmClients', this.clients);
    if (!this.marking) return { mark: null, clients };
    const mark = [{ digest: createHash('sha256').update(JSON.stringify(clients)).digest('base64url'), next: null }];
    return { mark, clients: since?.length === 1 && since[0]!.digest === mark[0]!.digest ? 'unchanged' : clients };
  };
  listDelegatedClients = (id: string) => this.answer(`listDelegatedClients:${id}`, this.delegations.get(id) ?? []);
  addClient = async () => ({ correlationId: null });
  removeClient = async () => ({ correlationId: null });
}

/** Valid, distinct org numbers in the 32… block, clear of the named clients' 31… ones. */
export function generatedOrgNumbers(count: number, start = 32_000_000): string[] {
  const out: string[] = [];
  for (let prefix = start; out.length < count; prefix++) {
    const k = orgNumberCheckDigit(String(prefix));
    if (k !== null) out.push(`${prefix}${k}`);
  }
  return out;
}

const WORDS = ['FJELL', 'HAV', 'NORD', 'SOL', 'ØY', 'ÅS', 'ÆRLIG', 'BERG', 'LIA', 'VIK'];
const TRADES = ['BAKERI', 'BYGG', 'TRANSPORT', 'FRISØR', 'KONSULT'];

/** Deterministic generated clients: every 10th REVI, every 7th with skattegrunnlag, every 20th a sub-unit. */
export function generatedClients(count: number): FirmClient[] {
  return generatedOrgNumbers(count).map((orgNumber, i) => {
    const name = `${WORDS[i % WORDS.length]}${WORDS[Math.floor(i / 10) % WORDS.length]} ${TRADES[i % TRADES.length]} ${i}`;
    if (i % 20 === 19) return client(orgNumber, `${name} AVD`, [], [], { variant: 'BEDR', parentOrgNumber: '310000078' });
    const roles: Relationship[] = i % 10 === 0 ? ['REVI'] : ['REGN'];
    return client(orgNumber, name, roles, i % 7 === 0 ? SG : [], { variant: 'AS' });
  });
}

/** Writes a world straight into the store, as one sync would. */
export function seed(
  db: Database,
  world: { clients: FirmClient[]; systemUsers?: AgentSystemUser[]; delegations?: Map<string, DelegatedClient[]> },
  environment: EnvironmentId = 'demo',
  at = new Date('2026-11-24T10:00:00Z'),
) {
  return saveSnapshot(
    db,
    environment,
    {
      firmOrgNumber: '310000027',
      clients: world.clients,
      systemUsers: world.systemUsers ?? DEMO_SYSTEM_USERS,
      delegations: world.delegations ?? READY_DELEGATIONS,
    },
    at,
    at,
  );
}
