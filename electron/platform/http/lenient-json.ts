// zod building blocks for remote JSON, lenient exactly where the services are. They disagree with their own
// docs about key casing (`ID`/`id`, PascalCase/camelCase PDP output), ship keys with stray spaces
// (`"legacyurn "`), rename fields between versions, send numbers as strings and write null for absent values.
// Each service's schemas module builds on these; a body that still fails its schema is a BAD_RESPONSE.
import { z } from 'zod';
import { LocalCodes, ServiceError, type ServiceName } from '../errors';
import type { HttpResponse } from './http-client';
import { redactText } from './redact';

export function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const normaliseKey = (k: string): string => k.trim().toLowerCase();

/** The first of `names` present in `obj`, matched exactly first, then ignoring case and surrounding spaces. */
export function field(obj: unknown, ...names: string[]): unknown {
  if (!isRecord(obj)) return undefined;
  for (const name of names) if (obj[name] !== undefined && obj[name] !== null) return obj[name];
  const wanted = names.map(normaliseKey);
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined && v !== null && wanted.includes(normaliseKey(k))) return v;
  }
  return undefined;
}

/** One field as text, for diagnostics that read a single value (the actor flow's captions). */
export const str = (obj: unknown, ...names: string[]): string | undefined => readIfFits(text, field(obj, ...names));

/** One field as a list of anything, for the same diagnostics; absent or not a list reads as empty. */
export const arr = (obj: unknown, ...names: string[]): unknown[] => readIfFits(z.array(z.unknown()), field(obj, ...names)) ?? [];

/** A text; ids sometimes arrive as numbers, flags as booleans: both are read as their text. */
export const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A finite number, or a string holding one. */
export const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)
    .transform(Number),
]);

/** A boolean, or the strings "true"/"false". */
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** OAuth's `scope`: a space-separated string, or a list from some issuers. */
export const scopeList = z.union([
  z.string().transform((s) => s.split(/\s+/).filter(Boolean)),
  z.array(z.unknown()).transform((l) => l.filter((s): s is string => typeof s === 'string')),
]);

/** Absent or null (Access Management writes nulls, Authentication leaves them out) both mean absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null ? undefined : v), schema.optional());
}

/** Absent or null means the fallback. */
export function withDefault<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return optional(schema).transform((v): z.output<T> => v ?? fallback);
}

/** A list that may be absent or null (an empty one then). */
export function list<T extends z.ZodType>(item: T) {
  return withDefault(z.array(item), []);
}

type Aliases<S> = { readonly [K in keyof S]?: readonly string[] };

/**
 * An object read by its documented keys, each also found under its aliases (older names) and regardless of
 * case or surrounding spaces. Keys the schema does not name pass through untouched.
 */
export function lenientObject<S extends z.ZodRawShape>(shape: S, aliases: Aliases<S> = {}) {
  const keys = Object.keys(shape) as (keyof S & string)[];
  return z.preprocess((input) => {
    if (!isRecord(input)) return input;
    const out: Record<string, unknown> = { ...input };
    for (const key of keys) out[key] = field(input, key, ...(aliases[key] ?? []));
    return out;
  }, z.looseObject(shape));
}

/** Where and why a body failed its schema, for the error's details: paths and zod's words, never values. */
export function describeFailure(error: z.ZodError): string {
  return describeIssues(error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

/** The same words for issues found without zod (a list read entry by entry): the first three. */
export function describeIssues(issues: readonly { path: string; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path || '(body)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The body of a successful answer as its schema reads it. One that fails becomes a BAD_RESPONSE ServiceError
 * that keeps the call's status and correlation id, so support can find the call.
 */
export function parseResponse<T extends z.ZodType>(
  schema: T,
  body: unknown,
  res: Pick<HttpResponse, 'status' | 'correlationId'>,
  where: { service: ServiceName; serviceName: string; operation: string },
): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw unknownShape(where, res, describeFailure(parsed.error));
}

/** The BAD_RESPONSE for a body that does not fit, with where and why (`described`, never values). */
export function unknownShape(
  where: { service: ServiceName; serviceName: string; operation: string },
  res: Pick<HttpResponse, 'status' | 'correlationId'>,
  described: string,
): ServiceError {
  return new ServiceError({
    service: where.service,
    code: LocalCodes.BadResponse,
    status: res.status,
    correlationId: res.correlationId,
    message: `${where.serviceName} answered ${where.operation} in a shape Klientdesk does not know.`,
    remoteMessage: redactText(described).slice(0, 300),
  });
}

/** For error bodies and other best-effort reading: the schema's reading, or undefined when it does not fit. */
export function readIfFits<T extends z.ZodType>(schema: T, body: unknown): z.output<T> | undefined {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
