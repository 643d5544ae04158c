// What a step of the flow gets to work with, and what it leaves for the next one.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { Fact, StepId } from '../../../shared/contract/actorflow';
import { AppError } from '../../../shared/errors';
import type { AltinnSession } from '../../services/altinn/altinn-session';
import type { AgentRequest } from '../../services/altinn/vendor';
import type { EnvironmentConfig } from '../../platform/environments';
import type { MaskinportenToken } from '../../services/maskinporten/token-client';
import type { FlowServices } from './flow-services';
import type { FlowKey, FlowKeys } from './flow-key';
import type { ExchangeRecorder } from './recorder';
import type { DemoWorldLike } from './world';

/** Where the flow is played: the demo world (with its admin powers) or a real test environment. */
export interface FlowTarget {
  environment: EnvironmentId;
  config: EnvironmentConfig;
  world: DemoWorldLike | null;
}

/** Carried from step to step until the world is reset or the environment changes. Memory only. */
export interface FlowState {
  /** Morten's Altinn token, from the ID-porten login and exchange. */
  session: AltinnSession;
  request: AgentRequest | null;
  systemUserId: string | null;
  /** SmartRegnskap's system-user token, reused by the claims step the way the app reuses it for all clients. */
  token: MaskinportenToken | null;
}

export interface StepContext {
  target: FlowTarget;
  services: FlowServices;
  recorder: ExchangeRecorder;
  key: FlowKey;
  keys: FlowKeys;
  state: FlowState;
  clientOrgNumber: string;
  /** Opens the system browser for a real ID-porten login (Test only). */
  openExternal?: (url: string) => void | Promise<void>;
  fact(key: string, value: string | number | boolean): void;
}

export type StepRunner = (ctx: StepContext) => Promise<void>;

/** A step was run before the one it builds on. */
export class RunFirstError extends AppError {
  constructor(step: StepId, message: string) {
    super('RUN_FIRST', message, { step });
  }
}

export function collectFacts(): { facts: Fact[]; fact: StepContext['fact'] } {
  const facts: Fact[] = [];
  return { facts, fact: (key, value) => facts.push({ key, value: String(value) }) };
}
