import { z } from 'zod';
import type { AppErrorShape } from '../errors';

/** A channel is a name plus the schema of what goes in and what comes out; types are inferred, never restated. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> => ({
  input,
  output,
});

/** Channels that take nothing still get an object, so adding an option later is not a breaking change. */
export const noInput = z.strictObject({}).optional();
export const empty = z.strictObject({});

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

// Caps on what a renderer may send: strings are bounded so a runaway caller cannot exhaust memory.
export const shortText = z.string().max(200);
export const longText = z.string().max(5_000_000);
export const orgNumber = z.string().regex(/^\d{9}$/, 'an organisation number has 9 digits');
export const uuid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'expected a UUID');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const isoDateTime = z.string().max(40);
export const environmentId = z.enum(['demo', 'test', 'production']);
export type EnvironmentId = z.infer<typeof environmentId>;
