import { z } from 'zod';
import { channel, longText, noInput, shortText } from './define';

export const exchangeSchema = z.object({
  id: z.number(),
  /** Who made the call: the app (as vendor system or end user) or a service calling another. */
  from: z.string(),
  to: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
  decoded: z.array(z.object({ label: z.string(), header: z.record(z.string(), z.unknown()), claims: z.record(z.string(), z.unknown()) })),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const stepResultSchema = z.object({
  stepId: z.string(),
  ok: z.boolean(),
  summary: z.string(),
  stoppedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), correlationId: z.string().nullable() }).nullable(),
  exchanges: z.array(exchangeSchema),
});
export type StepResult = z.infer<typeof stepResultSchema>;

export const actorflowChannels = {
  'actorflow.steps': channel(
    noInput,
    z.array(z.object({ id: z.string(), phase: z.string(), actor: z.string(), target: z.string(), available: z.boolean() })),
  ),
  'actorflow.run': channel(z.strictObject({ stepId: shortText, clientOrgNumber: z.string().max(20).optional() }), stepResultSchema),
  'actorflow.failure': channel(z.strictObject({ caseId: shortText }), stepResultSchema),
  'actorflow.reset': channel(noInput, z.object({})),
  'actorflow.exportTraffic': channel(noInput, z.object({ filename: z.string(), content: longText })),
};
