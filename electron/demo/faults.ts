// Fault injection for the simulated services. Draws come from a seeded stream, so a given seed and
// request sequence always fails the same way.
import { z } from 'zod';
import { createRng, hashSeed, type Rng } from './random';
import type { FaultSpec, ServiceName } from './types';

const rate = z.number().min(0).max(1);
const match = {
  service: z.enum(['maskinporten', 'idporten', 'altinn', 'skatteetaten', '*']),
  method: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .transform((m) => m.toUpperCase())
    .optional(),
  pathPrefix: z.string().startsWith('/').optional(),
};
const randomFaultSchema = z
  .object({
    ...match,
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    errorRate: rate.optional(),
    errorStatuses: z.array(z.number().int().min(400).max(599)).min(1).optional(),
    rateLimitRate: rate.optional(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    hangRate: rate.optional(),
    dropRate: rate.optional(),
  })
  .strict();
const loseAnswerSchema = z
  .object({
    ...match,
    kind: z.literal('lose-answer'),
    mode: z.enum(['drop', 'late']),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    rate: rate.optional(),
    times: z.number().int().min(1).optional(),
  })
  .strict();
export const faultSpecSchema = z.union([randomFaultSchema, loseAnswerSchema]);
export const faultSpecsSchema = z.array(faultSpecSchema);

const DEFAULT_LATE_MS = 30_000;

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'hang' }
  | { kind: 'drop' }
  /** Apply the request, then drop the connection or answer after `delayMs`. */
  | { kind: 'loseAnswer'; mode: 'drop' | 'late'; delayMs: number };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

const DEFAULT_ERROR_STATUSES = [500, 502, 503];

export class FaultInjector {
  private specs: FaultSpec[] = [];
  /** How many answers each lose-answer spec has lost so far (by index), for `times`. */
  private lost: number[] = [];
  private rng: Rng;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
    this.rng = createRng(hashSeed(seed, 'faults'));
  }

  set(specs: FaultSpec[]): void {
    this.specs = specs.map((s) => ({ ...s }));
    this.lost = specs.map(() => 0);
    // Restart the stream so the same fault set behaves the same way each time it is applied.
    this.rng = createRng(hashSeed(this.seed, 'faults', JSON.stringify(specs)));
  }

  clear(): void {
    this.specs = [];
    this.lost = [];
  }

  list(): FaultSpec[] {
    return this.specs.map((s) => ({ ...s }));
  }

  decide(service: ServiceName, method: string, path: string): FaultDecision {
    let latencyMs = 0;
    for (const [i, spec] of this.specs.entries()) {
      if (spec.service !== '*' && spec.service !== service) continue;
      if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) continue;
      if (spec.pathPrefix && !path.startsWith(spec.pathPrefix)) continue;
      if (spec.kind === 'lose-answer') {
        if (spec.times !== undefined && this.lost[i]! >= spec.times) continue;
        if (!this.hit(spec.rate ?? 1)) continue;
        this.lost[i] = this.lost[i]! + 1;
        return { latencyMs, action: { kind: 'loseAnswer', mode: spec.mode, delayMs: spec.delayMs ?? DEFAULT_LATE_MS } };
      }
      latencyMs += spec.latencyMs ?? 0;
      if (this.hit(spec.hangRate)) return { latencyMs, action: { kind: 'hang' } };
      if (this.hit(spec.dropRate)) return { latencyMs, action: { kind: 'drop' } };
      if (this.hit(spec.rateLimitRate)) return { latencyMs, action: { kind: 'rateLimit', retryAfterSeconds: spec.retryAfterSeconds ?? 1 } };
      if (this.hit(spec.errorRate)) {
        const statuses = spec.errorStatuses ?? DEFAULT_ERROR_STATUSES;
        return { latencyMs, action: { kind: 'error', status: statuses[Math.floor(this.rng() * statuses.length)]! } };
      }
    }
    return { latencyMs, action: { kind: 'none' } };
  }

  private hit(p: number | undefined): boolean {
    // Draw only for configured rates, so adding a latency-only fault does not shift the others' stream.
    return p !== undefined && p > 0 && this.rng() < p;
  }
}

/** `--fault` values: JSON (`{"service":"altinn","errorRate":0.2}`) or `service:key=value,key=value`. */
export function parseFaultArg(arg: string): FaultSpec {
  if (arg.trim().startsWith('{')) return faultSpecSchema.parse(JSON.parse(arg));
  const [service, rest = ''] = arg.split(/:(.*)/s);
  const spec: Record<string, unknown> = { service };
  for (const pair of rest.split(',').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    if (!key) continue;
    if (['pathPrefix', 'method', 'kind', 'mode'].includes(key)) spec[key] = value;
    else if (key === 'errorStatuses') spec[key] = value.split('|').map(Number);
    else spec[key] = Number(value);
  }
  return faultSpecSchema.parse(spec);
}
