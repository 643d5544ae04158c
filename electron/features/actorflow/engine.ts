// The actor flow's step engine: runs one step or failure case at a time against the demo world (or Test),
// records what went over the wire, and keeps the little state the story needs between clicks.
import {
  FAILURE_IDS,
  STEP_IDS,
  type ActorId,
  type Exchange,
  type FailureId,
  type FailureInfo,
  type FlowOverview,
  type PresetId,
  type StepId,
  type StepInfo,
  type StepResult,
  type UnavailableReason,
} from '../../../shared/contract/actorflow';
import type { EnvironmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { AltinnSession } from '../../services/altinn/altinn-session';
import { hasFixedEndpoints, type EnvironmentConfig } from '../../platform/environments';
import { environmentFromWorld } from '../../services/world/world-environment';
import { isServiceError } from '../../platform/errors';
import { systemClock } from '../../platform/http/clock';
import { actorOfService } from './actors';
import { FAILURE_CASES } from './failure-cases';
import { FlowKeys, type KeyVaultLike } from './flow-key';
import { createFlowServices } from './flow-services';
import { toHar } from './har';
import { insightsFrom } from './insights';
import { ExchangeRecorder, worldTrafficMark, worldTrafficSince } from './recorder';
import { safeText } from './redaction';
import { STEPS } from './steps';
import { collectFacts, type FlowState, type FlowTarget, type StepContext, type StepRunner } from './step-context';
import { CLIENTS } from './story';
import type { DemoWorldLike } from './world';

export interface ActorFlowDeps {
  environment(): EnvironmentId;
  /** The demo world the app is connected to; null when the environment is not a world or it has not started. */
  world(): DemoWorldLike | null;
  /** A real environment's configuration, or null while it is not set up. */
  environmentConfig?(id: 'test'): EnvironmentConfig | null;
  keyVault?(): Promise<KeyVaultLike | null>;
  /** Opens the system browser (the desktop app only); needed for a real ID-porten login. */
  openExternal?(url: string): void | Promise<void>;
  /** Called for what changes real state outside the app: a delegation, a reset of the world. */
  audit?(record: {
    action: string;
    outcome: string;
    systemUserId?: string | null;
    clientOrgNumber?: string | null;
    code?: string | null;
  }): void;
  fetch?: typeof fetch;
  appVersion?: string;
}

export interface ActorFlow {
  overview(): FlowOverview;
  run(stepId: StepId, clientOrgNumber?: string): Promise<StepResult>;
  failure(caseId: FailureId): Promise<StepResult>;
  reset(preset?: PresetId): Promise<{ preset: PresetId | null }>;
  exportTraffic(): { filename: string; content: string };
}

// A whole run is a few dozen exchanges; this bounds a session left running all day.
const MAX_RECORDED_EXCHANGES = 2_000;
const NAMED_CLIENT = /^c[1-7]$/;

export function createActorFlow(deps: ActorFlowDeps): ActorFlow {
  const keys = new FlowKeys(async () => (await deps.keyVault?.()) ?? null);
  let history: Exchange[] = [];
  let exchangeId = 0;
  let state: { owner: object; value: FlowState } | null = null;
  // One step at a time: steps share Morten's session and the world's traffic log.
  let queue: Promise<unknown> = Promise.resolve();

  function target(): FlowTarget | UnavailableReason {
    const environment = deps.environment();
    if (environment === 'production') return 'production';
    // A connected world describes its own endpoints; otherwise the environment's configuration does.
    const world = deps.world();
    if (world) return { environment, config: environmentFromWorld(environment, world.info), world };
    // Without fixed addresses (Demo), only a world can say where the services are.
    if (!hasFixedEndpoints(environment)) return 'noWorld';
    const config = deps.environmentConfig?.('test') ?? null;
    return config ? { environment, config, world: null } : 'notConfigured';
  }

  /** State belongs to one world (or one environment's config); a new one starts the story afresh. */
  function stateFor(t: FlowTarget): FlowState {
    const owner = t.world ?? t.config;
    if (state?.owner !== owner) {
      state = { owner, value: { session: new AltinnSession(systemClock), request: null, systemUserId: null, token: null } };
    }
    return state.value;
  }

  function requireTarget(): FlowTarget {
    const t = target();
    if (typeof t === 'string') throw new AppError('NOT_AVAILABLE', unavailableMessage(t), undefined, { reason: t });
    return t;
  }

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function execute(
    id: string,
    firstActor: ActorId,
    runner: StepRunner,
    clientOrgNumber: string,
    expected?: { stopsAt: ActorId; code: string },
  ): Promise<StepResult> {
    const t = requireTarget();
    const key = await keys.forEnvironment(t.environment);
    const recorder = new ExchangeRecorder(firstActor, await worldTrafficMark(t.world), () => ++exchangeId);
    const flowState = stateFor(t);
    const services = createFlowServices({ config: t.config, key, recorder, session: flowState.session, fetch: deps.fetch });
    const { facts, fact } = collectFacts();
    const ctx: StepContext = {
      target: t,
      services,
      recorder,
      key,
      keys,
      state: flowState,
      clientOrgNumber,
      openExternal: deps.openExternal,
      fact,
    };

    let error: StepResult['error'] = null;
    let stoppedAt: ActorId | null = null;
    try {
      await runner(ctx);
    } catch (e) {
      if (isServiceError(e)) {
        error = { code: e.code, message: safeText(e.message)!, correlationId: e.correlationId ?? null };
        stoppedAt = actorOfService(e.service);
      } else if (e instanceof AppError) {
        error = { code: e.code, message: safeText(e.message)!, correlationId: null };
      } else {
        throw e;
      }
    }
    const exchanges = recorder.finish(t.world, await worldTrafficSince(t.world, recorder.mark));
    history = [...history, ...exchanges].slice(-MAX_RECORDED_EXCHANGES);
    const asExpected = expected ? stoppedAt === expected.stopsAt && error?.code === expected.code : null;
    return { id, ok: error === null, stoppedAt, error, asExpected, facts: [...facts, ...insightsFrom(exchanges)], exchanges };
  }

  function availability(demoOnly: boolean, needsBrowser: boolean): UnavailableReason | null {
    const t = target();
    if (typeof t === 'string') return t;
    if (t.world) return null;
    if (demoOnly) return 'demoOnly';
    if (needsBrowser && !deps.openExternal) return 'needsBrowser';
    return null;
  }

  return {
    overview() {
      const t = target();
      const world = typeof t === 'string' ? null : t.world;
      const steps: StepInfo[] = STEP_IDS.map((id) => {
        const def = STEPS[id];
        const reason = availability(def.demoOnly ?? false, def.needsBrowser ?? false);
        return { id, phase: def.phase, actor: def.actor, targets: def.targets, available: reason === null, unavailableReason: reason };
      });
      const failures: FailureInfo[] = FAILURE_IDS.map((id) => {
        const c = FAILURE_CASES[id];
        const reason = availability(c.demoOnly, false);
        return { id, stopsAt: c.stopsAt, code: c.code, available: reason === null, unavailableReason: reason };
      });
      const named = world ? Object.entries(world.info.clients.named).filter(([k]) => NAMED_CLIENT.test(k)) : [];
      const firmOrg = typeof t === 'string' ? '' : t.config.settings.firmOrgNumber;
      return {
        environment: deps.environment(),
        worldRunning: world !== null,
        firm: { orgNumber: world?.info.firm.orgNo ?? firmOrg, name: world?.info.firm.name ?? '' },
        clients: named.map(([k, orgNumber]) => ({ orgNumber, name: k })),
        defaultClient: world?.info.clients.named['c1'] ?? CLIENTS.happyPath,
        steps,
        failures,
      };
    },

    run(stepId, clientOrgNumber) {
      return serialised(async () => {
        const def = STEPS[stepId];
        requireAvailable(availability(def.demoOnly ?? false, def.needsBrowser ?? false));
        const client = clientOrgNumber ?? deps.world()?.info.clients.named['c1'] ?? CLIENTS.happyPath;
        const result = await execute(stepId, def.actor, def.run, client);
        if (stepId === 'enduser.delegate') {
          deps.audit?.({
            action: 'actorflow.delegate',
            outcome: result.ok ? 'ok' : 'failed',
            systemUserId: state?.value.systemUserId ?? null,
            clientOrgNumber: client,
            code: result.error?.code ?? null,
          });
        }
        return result;
      });
    },

    failure(caseId) {
      return serialised(() => {
        const c = FAILURE_CASES[caseId];
        requireAvailable(availability(c.demoOnly, false));
        return execute(caseId, 'vendor', c.run, CLIENTS.happyPath, { stopsAt: c.stopsAt, code: c.code });
      });
    },

    reset(preset) {
      return serialised(async () => {
        const t = target();
        history = [];
        state = null;
        if (typeof t === 'string' || !t.world) return { preset: null };
        const chosen = preset ?? 'start';
        await t.world.admin.reset(chosen);
        deps.audit?.({ action: 'actorflow.reset', outcome: 'ok', code: chosen });
        return { preset: chosen };
      });
    },

    exportTraffic() {
      const environment = deps.environment();
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return {
        filename: `klientdesk-actorflow-${environment}-${stamp}.har`,
        content: toHar(history, { creatorVersion: deps.appVersion ?? '0.0.0', environment }),
      };
    },
  };
}

function requireAvailable(reason: UnavailableReason | null): void {
  if (reason !== null) throw new AppError('NOT_AVAILABLE', unavailableMessage(reason), undefined, { reason });
}

function unavailableMessage(reason: UnavailableReason): string {
  switch (reason) {
    case 'production':
      return 'The actor flow never runs against production.';
    case 'noWorld':
      return 'The demo world is not running.';
    case 'notConfigured':
      return 'The Test environment is not set up yet (Settings).';
    case 'demoOnly':
      return 'This step exists only in the demo world.';
    case 'needsBrowser':
      return 'This step needs the desktop app to open the system browser.';
  }
}
