// Access packages, client relationships and the AND rule of client delegation (altinn.md §8, §11).
export const PACKAGE_URN_PREFIX = 'urn:altinn:accesspackage:';

export const CLIENT_PACKAGES = [
  'regnskapsforer-med-signeringsrettighet',
  'regnskapsforer-uten-signeringsrettighet',
  'regnskapsforer-lonn',
  'ansvarlig-revisor',
  'revisormedarbeider',
  'forretningsforer-eiendom',
] as const;

export type Relationship = 'REGN' | 'REVI' | 'FFØR';
export const RELATIONSHIPS: readonly Relationship[] = ['REGN', 'REVI', 'FFØR'];

/** The packages a firm gets from a client through each ER role. */
export const PACKAGES_BY_RELATIONSHIP: Record<Relationship, readonly string[]> = {
  REGN: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn'],
  REVI: ['ansvarlig-revisor', 'revisormedarbeider'],
  FFØR: ['forretningsforer-eiendom'],
};

/** AM role codes (ClientDto.access[].role.code) → the ER relationship they express. */
export const RELATIONSHIP_BY_ROLE_CODE: Record<string, Relationship> = {
  regnskapsforer: 'REGN',
  revisor: 'REVI',
  forretningsforer: 'FFØR',
};

/** `urn:altinn:accesspackage:skattegrunnlag` or `skattegrunnlag` → `skattegrunnlag`. */
export function packageCode(urnOrCode: string): string {
  return urnOrCode.startsWith(PACKAGE_URN_PREFIX) ? urnOrCode.slice(PACKAGE_URN_PREFIX.length) : urnOrCode;
}

export const packageUrn = (code: string): string => PACKAGE_URN_PREFIX + packageCode(code);

/**
 * The AND rule: a client may be delegated to an agent system user only if the firm holds every one of the
 * system user's packages from that client. Returns the packages the client is missing (empty = it qualifies).
 */
export function missingPackages(systemUserPackages: readonly string[], clientPackages: readonly string[]): string[] {
  const held = new Set(clientPackages.map(packageCode));
  return systemUserPackages.map(packageCode).filter((p) => !held.has(p));
}

/** `clients/available` is any-of: the client shares at least one package with the system user. */
export function isOfferedTo(systemUserPackages: readonly string[], clientPackages: readonly string[]): boolean {
  const held = new Set(clientPackages.map(packageCode));
  return systemUserPackages.some((p) => held.has(packageCode(p)));
}

/** The relationship a system user's packages serve, when they point to exactly one. */
export function relationshipOfPackages(packages: readonly string[]): Relationship | null {
  const found = new Set<Relationship>();
  for (const p of packages.map(packageCode)) {
    for (const r of RELATIONSHIPS) if (PACKAGES_BY_RELATIONSHIP[r].includes(p)) found.add(r);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * Which system user fits a client: one whose packages the client fully gives, preferring the one that
 * serves the client's own relationship (REGN clients to the accountant system user, REVI to the auditor one).
 */
export function suggestSystemUser<T extends { id: string; packages: readonly string[] }>(
  systemUsers: readonly T[],
  client: { relationships: readonly Relationship[]; packages: readonly string[] },
): T | null {
  const fitting = systemUsers.filter((su) => su.packages.length > 0 && missingPackages(su.packages, client.packages).length === 0);
  const byRelationship = fitting.find((su) => {
    const r = relationshipOfPackages(su.packages);
    return r !== null && client.relationships.includes(r);
  });
  return byRelationship ?? fitting[0] ?? null;
}
