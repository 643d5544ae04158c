// Altinn's answers as the app reads them (altinn.md §2, §5, §6, §9, §10, §12), lenient where Altinn is:
// keys in any case (ASP.NET reads them so), `"legacyurn "` with its trailing space, `partyUuId`, nulls from
// Access Management and absent keys from Authentication, `softDeleted` beside the older `isDeleted`, and
// extra fields (`keyValues`, `rights`) that pass through. Ids the app acts on are required.
import { z } from 'zod';
import { packageCode } from '../../../shared/domain/packages';
import { FirmClientShapeError, readFirmClient, type FirmClient } from './firm-client-reader';

export { relationshipOfRole, type FirmClient } from './firm-client-reader';
import { flag, lenientObject, scopeList, list, numeric, optional, text, withDefault } from '../../platform/http/lenient-json';

/** The five shapes of an error body share these keys; every one is optional (altinn.md §2). */
export const problemDetailsSchema = lenientObject({
  title: optional(text),
  detail: optional(text),
  statusDescription: optional(text),
  traceId: optional(text),
  code: optional(text),
  status: optional(numeric),
  validationErrors: list(
    lenientObject(
      {
        code: withDefault(text, 'UNKNOWN'),
        title: optional(text),
        paths: list(z.unknown()).transform((paths) => paths.filter((p): p is string => typeof p === 'string')),
      },
      { title: ['detail'] },
    ),
  ),
});

/** A paged list: `{links: {next?}, data: [...]}`; `links` is `{}` from Authentication, `{next: null}` from AM. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return lenientObject({
    data: list(item),
    links: optional(lenientObject({ next: optional(text) })),
  }).transform((page) => ({ items: page.data, next: page.links?.next }));
}

/** A package as `{urn}`, or a bare URN or code. */
const packageRef = z.union([text, lenientObject({ urn: text }).transform((p) => p.urn)]);

export interface AgentSystemUser {
  id: string;
  integrationTitle: string;
  systemId: string;
  externalRef?: string;
  ownerOrgNumber?: string;
  partyId?: string;
  /** Often "" in real answers (the `partyUuId` quirk). */
  partyUuid?: string;
  created?: string;
  isDeleted: boolean;
  /** Package codes, e.g. `regnskapsforer-med-signeringsrettighet`. */
  packages: string[];
}

export const agentSystemUserSchema: z.ZodType<AgentSystemUser, unknown> = lenientObject(
  {
    id: text,
    integrationTitle: withDefault(text, ''),
    systemId: withDefault(text, ''),
    externalRef: optional(text),
    reporteeOrgNo: optional(text),
    partyId: optional(text),
    partyUuId: optional(text),
    created: optional(text),
    softDeleted: optional(flag),
    isDeleted: optional(flag),
    accessPackages: list(packageRef),
  },
  { partyUuId: ['partyUuid'] },
).transform((u) => ({
  id: u.id,
  integrationTitle: u.integrationTitle,
  systemId: u.systemId,
  externalRef: u.externalRef,
  ownerOrgNumber: u.reporteeOrgNo,
  partyId: u.partyId,
  partyUuid: u.partyUuId || undefined,
  created: u.created,
  // Altinn's own name is softDeleted; older answers and the docs say isDeleted.
  isDeleted: u.softDeleted ?? u.isDeleted ?? false,
  packages: u.accessPackages.filter(Boolean).map(packageCode),
}));

/** `GET …/agents` answers a bare list; a `data` wrapper is read too. */
export const agentSystemUsersSchema = z.union([
  z.array(agentSystemUserSchema),
  lenientObject({ data: z.array(agentSystemUserSchema) }).transform((b) => b.data),
]);

export interface DelegationClient {
  partyUuid: string;
  orgNumber: string;
  name: string;
}

/** One entry of `ClientInfoPaginated.data` (altinn.md §9). */
export const delegationClientSchema: z.ZodType<DelegationClient, unknown> = lenientObject({
  clientId: text,
  clientOrganizationNumber: text,
  clientOrganizationName: withDefault(text, ''),
}).transform((c) => ({ partyUuid: c.clientId, orgNumber: c.clientOrganizationNumber, name: c.clientOrganizationName }));

/** The POST/DELETE echo `{agent, client}`; an empty body is allowed (the ids are then the ones sent). */
export const delegationEchoSchema = optional(lenientObject({ agent: optional(text), client: optional(text) }));

/**
 * `ClientDto` (altinn.md §10), read by hand (firm-client-reader.ts) for speed; an entry it cannot read fails the
 * answer as any schema would, with the reader's words.
 */
export const firmClientSchema: z.ZodType<FirmClient, unknown> = z.unknown().transform((entry, ctx) => {
  try {
    return readFirmClient(entry);
  } catch (error) {
    if (!(error instanceof FirmClientShapeError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, input: entry });
    return z.NEVER;
  }
});

/** One entry of `enduser/authorizedparties` (AuthorizedParty): only what the app reads, the rest passes through. */
export interface AuthorizedParty {
  partyUuid: string;
  name: string;
  organizationNumber: string | null;
  isDeleted: boolean;
  subunits: AuthorizedParty[];
}

export const authorizedPartySchema: z.ZodType<AuthorizedParty, unknown> = z.lazy(() =>
  lenientObject({
    partyUuid: text,
    name: withDefault(text, ''),
    organizationNumber: optional(text).transform((v) => v ?? null),
    isDeleted: withDefault(flag, false),
    subunits: list(authorizedPartySchema),
  }),
);

/**
 * The real answer is a bare list; a `data` wrapper is read too. Persons and organisations share the list,
 * and entries of other kinds (no partyUuid) are skipped rather than failing the firm's look-up.
 */
export const authorizedPartiesSchema = z
  .union([z.array(z.unknown()), lenientObject({ data: z.array(z.unknown()) }).transform((b) => b.data)])
  .transform((entries) =>
    entries.flatMap((entry) => {
      const parsed = authorizedPartySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  );

export type PdpDecision = 'Permit' | 'NotApplicable' | 'Deny' | 'Indeterminate';

export interface PdpAnswer {
  decision: PdpDecision;
  statusCode?: string;
  statusMessage?: string;
}

const DECISIONS: readonly PdpDecision[] = ['Permit', 'NotApplicable', 'Deny', 'Indeterminate'];

/** Docs show PascalCase, the live server may answer camelCase; both are read. No decision is Indeterminate. */
export const pdpAnswerSchema: z.ZodType<PdpAnswer, unknown> = lenientObject({
  Response: list(
    lenientObject({
      Decision: optional(text),
      Status: optional(lenientObject({ StatusCode: optional(lenientObject({ Value: optional(text) })), StatusMessage: optional(text) })),
    }),
  ),
}).transform(({ Response: [first] }) => ({
  decision: DECISIONS.find((d) => d.toLowerCase() === first?.Decision?.toLowerCase()) ?? 'Indeterminate',
  statusCode: first?.Status?.StatusCode?.Value,
  statusMessage: first?.Status?.StatusMessage,
}));

/** The system register's answer (altinn.md §5): the vendor as `{authority, ID: "0192:<orgno>"}`, and `softDeleted`. */
export interface RegisteredSystem {
  id: string;
  vendorOrgNumber: string;
  vendorAuthority?: string;
  clientIds: string[];
  packages: string[];
  softDeleted: boolean;
  isVisible: boolean;
}

export const registeredSystemSchema: z.ZodType<RegisteredSystem, unknown> = lenientObject(
  {
    id: text,
    vendor: lenientObject({ ID: withDefault(text, ''), authority: optional(text) }),
    clientId: list(z.unknown()).transform((ids) => ids.filter((c): c is string => typeof c === 'string')),
    accessPackages: list(packageRef),
    softDeleted: optional(flag),
    isDeleted: optional(flag),
    isVisible: withDefault(flag, false),
  },
  { id: ['systemId'], clientId: ['clientIds'] },
).transform((s) => ({
  id: s.id,
  vendorOrgNumber: s.vendor.ID.slice(s.vendor.ID.lastIndexOf(':') + 1),
  vendorAuthority: s.vendor.authority,
  clientIds: s.clientId,
  packages: s.accessPackages.filter(Boolean),
  softDeleted: s.softDeleted ?? s.isDeleted ?? false,
  isVisible: s.isVisible,
}));

export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout' | 'Unknown';

export interface AgentRequest {
  id: string;
  status: RequestStatus;
  systemId: string;
  partyOrgNo: string;
  externalRef?: string;
  integrationTitle?: string;
  packages: string[];
  confirmUrl?: string;
  redirectUrl?: string;
  escalated: boolean;
  timedOut: boolean;
  created?: string;
}

const STATUSES: readonly RequestStatus[] = ['New', 'Accepted', 'Rejected', 'Denied', 'Timedout'];

/** `AgentRequestSystemResponse` (altinn.md §6.3). The enum says Timedout, some docs TimedOut: compared without case. */
export const agentRequestSchema: z.ZodType<AgentRequest, unknown> = lenientObject({
  id: text,
  status: withDefault(text, ''),
  systemId: withDefault(text, ''),
  partyOrgNo: withDefault(text, ''),
  externalRef: optional(text),
  integrationTitle: optional(text),
  accessPackages: list(packageRef),
  confirmUrl: optional(text),
  redirectUrl: optional(text),
  escalated: withDefault(flag, false),
  timedOut: withDefault(flag, false),
  created: optional(text),
}).transform((r) => ({
  id: r.id,
  status: STATUSES.find((s) => s.toLowerCase() === r.status.toLowerCase()) ?? 'Unknown',
  systemId: r.systemId,
  partyOrgNo: r.partyOrgNo,
  externalRef: r.externalRef,
  integrationTitle: r.integrationTitle,
  packages: r.accessPackages.filter(Boolean),
  confirmUrl: r.confirmUrl,
  redirectUrl: r.redirectUrl,
  escalated: r.escalated,
  timedOut: r.timedOut,
  created: r.created,
}));

/** The claims the app reads from an exchanged Altinn token (altinn.md §4.2); each may be absent. */
export const altinnTokenClaimsSchema = z.looseObject({
  exp: optional(numeric).catch(undefined),
  pid: optional(text).catch(undefined),
  'urn:altinn:userid': optional(text).catch(undefined),
  'urn:altinn:party:uuid': optional(text).catch(undefined),
  'urn:altinn:authlevel': optional(text).catch(undefined),
  scope: optional(scopeList).catch(undefined),
});

/** ID-porten's token endpoint: a success carries access_token; a refusal `error` and `error_description`. */
export const idportenTokenResponseSchema = lenientObject({
  access_token: optional(text),
  id_token: optional(text),
  expires_in: optional(numeric),
  scope: optional(text),
  error: optional(text),
  error_description: optional(text),
});
