// AM wants each client package named with the client's role towards the firm that carries it.
import { PACKAGES_BY_RELATIONSHIP, packageCode, RELATIONSHIP_BY_ROLE_CODE } from '../../../shared/domain/packages';
import type { RolePackages } from '../../services/altinn/client-administration';

const ROLE_CODE_BY_RELATIONSHIP = Object.fromEntries(Object.entries(RELATIONSHIP_BY_ROLE_CODE).map(([code, r]) => [r, code]));

/** An ER role's packages go through that role; any other package can only have been given directly (rettighetshaver). */
export function roleOfPackage(code: string): string {
  for (const [relationship, packages] of Object.entries(PACKAGES_BY_RELATIONSHIP))
    if (packages.includes(packageCode(code))) return ROLE_CODE_BY_RELATIONSHIP[relationship]!;
  return 'rettighetshaver';
}

export function byRole(packages: readonly string[]): RolePackages[] {
  const grouped = new Map<string, string[]>();
  for (const p of packages) {
    const role = roleOfPackage(p);
    grouped.set(role, [...(grouped.get(role) ?? []), packageCode(p)]);
  }
  return [...grouped].map(([role, codes]) => ({ role, packages: codes }));
}
