// Access Management's client list (altinn.md §10): each client of the firm with the roles it holds towards
// the firm and the packages it gives. The app predicts AND-rule failures from it. Parsed leniently: the role
// key `"legacyurn "` has a trailing space, `partyid` is lower case, and some versions add `keyValues`.
import { z } from 'zod';
import { packageCode, RELATIONSHIP_BY_ROLE_CODE, type Relationship } from '../../../shared/domain/packages';
import type { HttpClient } from '../../platform/http/http-client';
import { arr, field, str } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';

const CLIENT_LIST_TIMEOUT_MS = 120_000;
const BASE = 'accessmanagement/api/v1/enduser/clientdelegations';

export interface FirmClient {
  partyUuid: string;
  orgNumber?: string;
  name: string;
  /** Organisation form, e.g. ENK, AS, BRL, BEDR. */
  variant?: string;
  /** For sub-units (BEDR): the main unit's org number. */
  parentOrgNumber?: string;
  relationships: Relationship[];
  /** Role codes as given (regnskapsforer, revisor, forretningsforer, rettighetshaver …). */
  roles: string[];
  /** Package codes (not URNs), union over all roles. */
  packages: string[];
}

// ER role as legacy code or URN → relationship; the role code map comes from shared/domain.
const LEGACY_ROLE: Record<string, Relationship> = { regn: 'REGN', revi: 'REVI', ffør: 'FFØR', ffor: 'FFØR' };

export function relationshipOfRole(role: unknown): Relationship | undefined {
  return relationshipOf(role, str(role, 'code'), str(role, 'urn'));
}

/** The code and URN are passed in by a caller that has read them already: a client list has 200,000 roles. */
function relationshipOf(role: unknown, code: string | undefined, urn: string | undefined): Relationship | undefined {
  const byCode = code && RELATIONSHIP_BY_ROLE_CODE[code.toLowerCase()];
  if (byCode) return byCode;
  const urnCode = urn?.toLowerCase().split(':').pop();
  if (urnCode && RELATIONSHIP_BY_ROLE_CODE[urnCode]) return RELATIONSHIP_BY_ROLE_CODE[urnCode];
  const legacy = str(role, 'legacyurn', 'legacyUrn')?.toLowerCase().split(':').pop();
  return legacy ? LEGACY_ROLE[legacy] : undefined;
}

export function parseFirmClient(dto: unknown): FirmClient {
  const client = field(dto, 'client');
  const parent = field(client, 'parent');
  const relationships = new Set<Relationship>();
  const roles: string[] = [];
  const packages = new Set<string>();
  for (const access of arr(dto, 'access')) {
    const role = field(access, 'role');
    const code = str(role, 'code');
    const urn = str(role, 'urn');
    if (code ?? urn) roles.push((code ?? urn)!);
    const rel = relationshipOf(role, code, urn);
    if (rel) relationships.add(rel);
    for (const p of arr(access, 'packages')) {
      const packageUrn = typeof p === 'string' ? p : str(p, 'urn');
      if (packageUrn) packages.add(packageCode(packageUrn));
    }
  }
  return {
    partyUuid: str(client, 'id') ?? '',
    orgNumber: str(client, 'organizationIdentifier', 'organizationNumber') ?? undefined,
    name: str(client, 'name') ?? '',
    variant: str(client, 'variant'),
    parentOrgNumber: parent === null || parent === undefined ? undefined : str(parent, 'organizationIdentifier', 'organizationNumber'),
    relationships: [...relationships],
    roles,
    packages: [...packages],
  };
}

/** One entry of `enduser/authorizedparties` (AuthorizedParty): only what the app reads, the rest passes through. */
export interface AuthorizedParty {
  partyUuid: string;
  name: string;
  organizationNumber: string | null;
  isDeleted: boolean;
  subunits: AuthorizedParty[];
}

const authorizedPartySchema: z.ZodType<AuthorizedParty, unknown> = z.lazy(() =>
  z.object({
    partyUuid: z.string().catch(''),
    name: z.string().catch(''),
    organizationNumber: z
      .string()
      .nullish()
      .catch(null)
      .transform((v) => v ?? null),
    isDeleted: z.boolean().catch(false),
    subunits: z
      .array(authorizedPartySchema)
      .nullish()
      .catch([])
      .transform((v) => v ?? []),
  }),
);

/** The real answer is a bare list; a `data` wrapper is accepted too, and entries that are not parties are skipped. */
export function parseAuthorizedParties(body: unknown): AuthorizedParty[] {
  const list = Array.isArray(body) ? body : arr(body, 'data');
  return list.flatMap((entry) => {
    const parsed = authorizedPartySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export class AccessManagementApi {
  private readonly altinn: AltinnHttp;
  private readonly parties: AltinnHttp;

  constructor(http: HttpClient, platformUrl: string, token: TokenProvider) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'client-delegation');
    // Its empty 403 means the login lacks the authorizedparties scope, not that a role is missing.
    this.parties = new AltinnHttp(http, platformUrl, token, 'authorized-parties');
  }

  /** The parties the signed-in person may act for (altinn.md §3), sub-units nested under their main unit. */
  async authorizedParties(signal?: AbortSignal): Promise<AuthorizedParty[]> {
    const body = await this.parties.json({
      method: 'GET',
      path: 'accessmanagement/api/v1/enduser/authorizedparties',
      operation: 'authorized parties',
      signal,
    });
    return parseAuthorizedParties(body);
  }

  /** The party UUID of an organisation the signed-in person may act for; undefined when Altinn does not list it. */
  async partyUuidOf(orgNumber: string, signal?: AbortSignal): Promise<string | undefined> {
    const queue = [...(await this.authorizedParties(signal))];
    while (queue.length > 0) {
      const party = queue.shift()!;
      if (party.organizationNumber === orgNumber && party.partyUuid !== '' && !party.isDeleted) return party.partyUuid;
      queue.push(...party.subunits);
    }
    return undefined;
  }

  /** The firm's clients; `roles`/`packages` filter server-side (codes or URNs). */
  async listClients(
    firmPartyUuid: string,
    filter: { roles?: readonly string[]; packages?: readonly string[] } = {},
    signal?: AbortSignal,
  ): Promise<FirmClient[]> {
    const data = await this.altinn.allPages({
      method: 'GET',
      path: `${BASE}/clients`,
      operation: 'firm clients',
      signal,
      // Altinn answers with every client in one page: 200,000 clients are some 200 MB of JSON, which took more
      // than the default 15 s to arrive on a loaded 2-core machine.
      timeoutMs: CLIENT_LIST_TIMEOUT_MS,
      query: { party: firmPartyUuid, roles: filter.roles, packages: filter.packages },
    });
    return data.map(parseFirmClient).filter((c) => c.partyUuid !== '');
  }
}
