// The actor-flow view: the example of client delegation (Skatteetaten, SmartCloud/SmartRegnskap, Regnskapsfirma/
// Morten, with ID-porten, Maskinporten and Altinn in between) played step by step against real services.
// Nothing secret crosses this contract: bodies arrive redacted and tokens only as decoded header and claims.
import { z } from 'zod';
import { channel, environmentId, isoDateTime, longText, noInput, orgNumber } from './define';

/** The lanes of the sequence diagram, left to right. */
export const ACTORS = ['skatteetaten', 'vendor', 'enduser', 'idporten', 'maskinporten', 'altinn'] as const;
export const actorId = z.enum(ACTORS);
export type ActorId = z.infer<typeof actorId>;

export const PHASES = ['serviceowner', 'vendor', 'enduser', 'operational'] as const;
export const phaseId = z.enum(PHASES);
export type PhaseId = z.infer<typeof phaseId>;

/** The example's steps, in story order. */
export const STEP_IDS = [
  'serviceowner.resource',
  'vendor.key',
  'vendor.register',
  'vendor.request',
  'enduser.login',
  'enduser.approve',
  'enduser.delegate',
  'operational.token',
  'operational.claims',
] as const;
export const stepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof stepId>;

/** Ways the chain can break, each stopping at a known actor with a known code. */
export const FAILURE_IDS = ['notDelegated', 'noClientAdmin', 'expiredGrant', 'replayedGrant', 'missingPackage'] as const;
export const failureId = z.enum(FAILURE_IDS);
export type FailureId = z.infer<typeof failureId>;

export const PRESETS = ['start', 'ready'] as const;
export const presetId = z.enum(PRESETS);
export type PresetId = z.infer<typeof presetId>;

/** Why a step cannot run here; the view words it. */
export const unavailableReason = z.enum(['production', 'noWorld', 'demoOnly', 'needsBrowser', 'notConfigured']);
export type UnavailableReason = z.infer<typeof unavailableReason>;

export const decodedJwtSchema = z.object({
  /** Where the token was seen: `request.assertion`, `response.access_token`, `request.authorization` … */
  label: z.string(),
  header: z.record(z.string(), z.unknown()),
  claims: z.record(z.string(), z.unknown()),
});
export type DecodedJwt = z.infer<typeof decodedJwtSchema>;

export const exchangeSchema = z.object({
  id: z.number(),
  startedAt: isoDateTime,
  /** `app`: Klientdesk acting as one of the actors; `internal`: one service calling another (from the world's log). */
  kind: z.enum(['app', 'internal']),
  from: actorId,
  to: actorId,
  operation: z.string().nullable(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  correlationId: z.string().nullable(),
  /** Set when no answer came (timeout, connection dropped). */
  error: z.string().nullable(),
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
  decoded: z.array(decodedJwtSchema),
});
export type Exchange = z.infer<typeof exchangeSchema>;

/** A labelled value; `key` is a text key of the view, `value` is shown as plain text. */
export const factSchema = z.object({ key: z.string(), value: z.string() });
export type Fact = z.infer<typeof factSchema>;

export const stepErrorSchema = z.object({ code: z.string(), message: z.string(), correlationId: z.string().nullable() });

export const stepResultSchema = z.object({
  /** A step id or a failure-case id. */
  id: z.string(),
  ok: z.boolean(),
  /** The actor that refused, when the chain stopped. */
  stoppedAt: actorId.nullable(),
  error: stepErrorSchema.nullable(),
  /** Failure cases only: whether the chain stopped where and how the case says it should. */
  asExpected: z.boolean().nullable(),
  facts: z.array(factSchema),
  exchanges: z.array(exchangeSchema),
});
export type StepResult = z.infer<typeof stepResultSchema>;

/** Whether a step or failure case can run in the environment in use, and if not, why. */
const availability = { available: z.boolean(), unavailableReason: unavailableReason.nullable() };

export const stepInfoSchema = z.object({
  id: stepId,
  phase: phaseId,
  actor: actorId,
  targets: z.array(actorId),
  ...availability,
});
export type StepInfo = z.infer<typeof stepInfoSchema>;

export const failureInfoSchema = z.object({
  id: failureId,
  stopsAt: actorId,
  code: z.string(),
  ...availability,
});
export type FailureInfo = z.infer<typeof failureInfoSchema>;

export const flowOverviewSchema = z.object({
  environment: environmentId,
  worldRunning: z.boolean(),
  firm: z.object({ orgNumber: z.string(), name: z.string() }),
  clients: z.array(z.object({ orgNumber: z.string(), name: z.string() })),
  defaultClient: z.string(),
  steps: z.array(stepInfoSchema),
  failures: z.array(failureInfoSchema),
});
export type FlowOverview = z.infer<typeof flowOverviewSchema>;

export const actorflowChannels = {
  'actorflow.steps': channel(noInput, flowOverviewSchema),
  'actorflow.run': channel(z.strictObject({ stepId, clientOrgNumber: orgNumber.optional() }), stepResultSchema),
  'actorflow.failure': channel(z.strictObject({ caseId: failureId }), stepResultSchema),
  /** Forgets the flow's login and recorded traffic and, in the demo world, puts the world back to a preset (null elsewhere). */
  'actorflow.reset': channel(z.strictObject({ preset: presetId.optional() }).optional(), z.object({ preset: presetId.nullable() })),
  /** The recorded traffic since the last reset as HAR 1.2 JSON, redacted. */
  'actorflow.exportTraffic': channel(noInput, z.object({ filename: z.string(), content: longText })),
};
