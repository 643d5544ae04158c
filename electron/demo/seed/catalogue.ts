// Altinn's catalogue of access packages and roles as far as the demo needs it (altinn.md §8).
import type { Relationship } from '../../../shared/domain/packages';

export interface PackageInfo {
  code: string;
  id: string;
  name: string;
  areaId: string;
  delegable: boolean;
  assignable: boolean;
}

const ACCOUNTANT_AREA = '64cbcdc8-01c9-448c-b3d2-eb9582beb3c2';
// UNCONFIRMED in the reference; any stable GUIDs do for the demo.
const AUDITOR_AREA = '7df15290-f43b-4d8e-9d3a-2c4b5e6f7a81';
const PROPERTY_AREA = '0195efb8-7c80-7ac2-9a9c-3f1e2d4c5b6a';
const TAX_AREA = '3e8d1c2b-5a4f-4e6d-8c7b-9a0b1c2d3e4f';
const ACCESS_AREA = '0195efb8-7c80-7d2a-8b1c-5e4f3a2b1c0d';

export const PACKAGES: readonly PackageInfo[] = [
  {
    code: 'regnskapsforer-med-signeringsrettighet',
    id: '955d5779-3e2b-4098-b11d-0431dc41ddbe',
    name: 'Regnskapsfører med signeringsrettighet',
    areaId: ACCOUNTANT_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'regnskapsforer-uten-signeringsrettighet',
    id: 'a5f7f72a-9b89-445d-85bb-06f678a3d4d1',
    name: 'Regnskapsfører uten signeringsrettighet',
    areaId: ACCOUNTANT_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'regnskapsforer-lonn',
    id: '43becc6a-8c6c-4e9e-bb2f-08fe588ada21',
    name: 'Regnskapsfører lønn',
    areaId: ACCOUNTANT_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'ansvarlig-revisor',
    id: '2f176732-b1e9-449b-9918-090d1fa986f6',
    name: 'Ansvarlig revisor',
    areaId: AUDITOR_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'revisormedarbeider',
    id: '96120c32-389d-46eb-8212-0a6540540c25',
    name: 'Revisormedarbeider',
    areaId: AUDITOR_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'forretningsforer-eiendom',
    id: '0195efb8-7c80-7cf2-bcc8-720a3fb39d44',
    name: 'Forretningsfører eiendom',
    areaId: PROPERTY_AREA,
    delegable: true,
    assignable: false,
  },
  {
    code: 'skattegrunnlag',
    id: '4c859601-9b2b-4662-af39-846f4117ad7a',
    name: 'Skattegrunnlag',
    areaId: TAX_AREA,
    delegable: true,
    assignable: true,
  },
  {
    code: 'klientadministrator',
    id: '0195efb8-7c80-7e82-9b4f-7d63e773bbca',
    name: 'Klientadministrator',
    areaId: ACCESS_AREA,
    delegable: false,
    assignable: true,
  },
  {
    code: 'tilgangsstyrer',
    id: '0195efb8-7c80-7a95-ad36-900c3d8ad300',
    name: 'Tilgangsstyrer',
    areaId: ACCESS_AREA,
    delegable: false,
    assignable: true,
  },
  {
    code: 'hovedadministrator',
    id: '0195efb8-7c80-7e16-ab0c-36dc8ab1a29d',
    name: 'Hovedadministrator',
    areaId: ACCESS_AREA,
    delegable: false,
    assignable: true,
  },
];

const PACKAGE_BY_CODE = new Map(PACKAGES.map((p) => [p.code, p]));
export const packageInfo = (code: string): PackageInfo | undefined => PACKAGE_BY_CODE.get(code);

export interface RoleInfo {
  id: string;
  code: string;
  urn: string;
  legacyUrn: string | null;
}

export const ROLE_BY_RELATIONSHIP: Record<Relationship, RoleInfo> = {
  REGN: {
    id: '46e27685-b3ba-423e-8b42-faab54de5817',
    code: 'regnskapsforer',
    urn: 'urn:altinn:external-role:ccr:regnskapsforer',
    legacyUrn: 'urn:altinn:rolecode:regn',
  },
  REVI: {
    id: 'f76b997a-9bd8-4f7b-899f-fcd85d35669f',
    code: 'revisor',
    urn: 'urn:altinn:external-role:ccr:revisor',
    legacyUrn: 'urn:altinn:rolecode:revi',
  },
  FFØR: {
    id: '348b2f47-47ee-4084-abf8-68aa54c2b27f',
    code: 'forretningsforer',
    urn: 'urn:altinn:external-role:ccr:forretningsforer',
    legacyUrn: 'urn:altinn:rolecode:ffør',
  },
};

/** Direct delegation of packages from the client to the firm. Its legacy URN is UNCONFIRMED: null here. */
export const RIGHTS_HOLDER_ROLE: RoleInfo = {
  id: '42cae370-2dc1-4fdc-9c67-c2f4b0f0f829',
  code: 'rettighetshaver',
  urn: 'urn:altinn:role:rettighetshaver',
  legacyUrn: null,
};

export const AGENT_ROLE: RoleInfo = {
  id: 'ff4c33f5-03f7-4445-85ed-1e60b8aafb30',
  code: 'agent',
  urn: 'urn:altinn:role:agent',
  legacyUrn: null,
};

/** Client-relationship packages are delegable onward only; FFØR's package applies to housing co-ops only. */
export const FFOR_VARIANTS = new Set(['BRL', 'ESEK']);
