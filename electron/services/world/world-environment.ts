// The Demo environment as a world describes it: endpoints and the ids a firm would configure itself.
import { buildEnvironment, demoEndpoints, type EnvironmentConfig, type EnvironmentId } from '../../platform/environments';
import type { DemoPerson, DemoPersonRole } from '../../../shared/contract/app';
import type { WorldInfo, WorldPerson } from './world-info';

export function environmentFromWorld(id: EnvironmentId, info: WorldInfo): EnvironmentConfig {
  return buildEnvironment(
    id,
    {
      firmOrgNumber: info.firm.orgNo,
      firmName: info.firm.name,
      maskinportenClientId: info.vendor.maskinportenClientId,
      systemId: info.vendor.systemId,
      idportenClientId: info.idporten.clientId,
      kravOgBetalingerResource: info.skatteetaten.resourceId,
      scopes: { kravOgBetalinger: info.skatteetaten.scope, vendor: buildEnvironment('test', {}).settings.scopes.vendor },
      ...(info.demoDate ? { referenceDate: info.demoDate } : {}),
    },
    { endpoints: demoEndpoints(info.urls, info.maskinporten.issuer) },
  );
}

/** The sign-in picker's list: the test persons the world's ID-porten offers. */
export function testPersons(info: WorldInfo): DemoPerson[] {
  return info.persons.map((p) => ({ pid: p.pid, name: p.name, role: describeRights(p) }));
}

function describeRights(person: WorldPerson): DemoPersonRole {
  if (person.rights.includes('klientadministrator')) return 'client_admin';
  if (person.rights.includes('tilgangsstyrer')) return 'access_manager';
  return 'employee';
}
