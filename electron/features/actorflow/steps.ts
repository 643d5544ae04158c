// The example's steps in story order: who acts, whom they talk to, and what runs when the step is clicked.
import type { ActorId, PhaseId, StepId } from '../../../shared/contract/actorflow';
import { fetchOpenClaims, fetchSystemUserToken } from './operational-steps';
import { approveRequest, delegateClient, registerKey, registerSystem, requestSystemUser, showResource, signIn } from './preparation-steps';
import type { StepRunner } from './step-context';

export interface StepDefinition {
  phase: PhaseId;
  actor: ActorId;
  targets: ActorId[];
  /** Needs the demo world's admin API (there is no API for it in a real environment). */
  demoOnly?: boolean;
  /** Outside the demo world this step opens the system browser. */
  needsBrowser?: boolean;
  run: StepRunner;
}

export const STEPS: Record<StepId, StepDefinition> = {
  'serviceowner.resource': { phase: 'serviceowner', actor: 'skatteetaten', targets: ['altinn', 'maskinporten'], run: showResource },
  'vendor.key': { phase: 'vendor', actor: 'vendor', targets: ['maskinporten'], demoOnly: true, run: registerKey },
  'vendor.register': { phase: 'vendor', actor: 'vendor', targets: ['maskinporten', 'altinn'], run: registerSystem },
  'vendor.request': { phase: 'vendor', actor: 'vendor', targets: ['maskinporten', 'altinn', 'enduser'], run: requestSystemUser },
  'enduser.login': { phase: 'enduser', actor: 'enduser', targets: ['idporten', 'altinn'], needsBrowser: true, run: signIn },
  'enduser.approve': { phase: 'enduser', actor: 'enduser', targets: ['altinn', 'vendor'], run: approveRequest },
  'enduser.delegate': { phase: 'enduser', actor: 'enduser', targets: ['altinn'], run: delegateClient },
  'operational.token': { phase: 'operational', actor: 'vendor', targets: ['maskinporten', 'altinn'], run: fetchSystemUserToken },
  'operational.claims': { phase: 'operational', actor: 'vendor', targets: ['skatteetaten', 'altinn'], run: fetchOpenClaims },
};
