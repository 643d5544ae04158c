// The example's fixed facts (actors.md §1, §6), for what a running world does not report itself.
import type { DemoWorldLike } from './world';

/** The demo resource policy (actors.md §6.1): holding any one of these packages permits `read`. */
export const POLICY_PACKAGES = [
  'regnskapsforer-med-signeringsrettighet',
  'regnskapsforer-uten-signeringsrettighet',
  'skattegrunnlag',
] as const;
export const SKATTEETATEN = { orgNumber: '974761076', orgCode: 'skd' } as const;

export const SYSTEM = {
  name: { nb: 'SmartRegnskap', nn: 'SmartRegnskap', en: 'SmartRegnskap' },
  description: { nb: 'Regnskapssystem for klienter', nn: 'Rekneskapssystem for klientar', en: 'Accounting system for clients' },
  packages: ['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag'],
  /** Registered in the demo world only: a real vendor registers its own receipt page. */
  demoRedirectUrl: 'https://smartcloud.example/receipt',
} as const;

/** R-A: the agent system user the story approves and delegates clients to. */
export const AGENT_REQUEST = {
  title: 'SmartRegnskap – klienter',
  packages: ['regnskapsforer-med-signeringsrettighet'],
} as const;

/** Named clients of the demo world the story and its failure cases use (actors.md §5.1). */
export const CLIENTS = {
  happyPath: '313367002',
  notDelegatedInReady: '310478717',
  lacksSkattegrunnlag: '311851381',
} as const;

/** SU-B, the system user with two packages, is picked by its externalRef (actors.md §6.3). */
export const TWO_PACKAGE_EXTERNAL_REF = 'regnskapsfirma-skatt';

export const vendorOrgOfSystem = (systemId: string): string => systemId.split('_')[0] ?? '';

export function personPid(world: DemoWorldLike, key: 'morten' | 'kari'): string {
  const person = world.info.persons.find((p) => p.key === key);
  if (!person) throw new Error(`The demo world has no ${key}.`);
  return person.pid;
}
