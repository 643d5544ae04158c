// The one wrapper every handler is registered through, whatever the transport (Electron IPC or the browser host).
import { ZodError } from 'zod';
import { AppError, BoundaryCodes, type AppErrorShape } from '../../../shared/errors';
import { contract, isChannelName, type ChannelName, type ChannelOutput, type ParsedInput, type Result } from '../../../shared/contract';
import { redactText } from '../http/redact';

export interface CallContext {
  transport: 'ipc' | 'http';
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: CallContext) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Whether the transport vouched for the caller (a frame of our own renderer, or a host request carrying the secret). */
export interface Sender {
  trusted: boolean;
  reason?: string;
}

export interface DispatcherOptions {
  /** Receives unexpected failures; never given tokens or keys (messages are redacted first). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, rawInput: unknown, sender: Sender, ctx: CallContext) => Promise<Result<unknown>>;

const MAX_ISSUES = 10;

function describeZodError(error: ZodError): AppErrorShape {
  const issues = error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0];
  return {
    code: BoundaryCodes.BadInput,
    message: first ? `The request was not valid: ${first.path}: ${first.message}` : 'The request was not valid.',
    ...(first ? { params: { reason: 'field', field: first.path } } : {}),
    details: { issues },
  };
}

export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) {
    const shape = error.toShape();
    const params =
      shape.params && Object.fromEntries(Object.entries(shape.params).map(([k, v]) => [k, typeof v === 'string' ? redactText(v) : v]));
    return { ...shape, message: redactText(shape.message), ...(params ? { params } : {}) };
  }
  if (error instanceof ZodError) return describeZodError(error);
  return { code: BoundaryCodes.Internal, message: 'Something went wrong inside Klientdesk. The error has been logged.' };
}

export function createDispatcher(handlers: Partial<Handlers>, options: DispatcherOptions = {}): Dispatch {
  return async (channel, rawInput, sender, ctx) => {
    if (!sender.trusted) {
      return {
        ok: false,
        error: {
          code: BoundaryCodes.ForbiddenSender,
          message: `The caller is not allowed: ${sender.reason ?? 'unknown sender'}.`,
          params: { reason: sender.reason ?? 'unknown sender' },
        },
      };
    }
    if (!isChannelName(channel)) {
      const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      return {
        ok: false,
        error: { code: BoundaryCodes.UnknownChannel, message: `There is no channel called "${shown}".`, params: { channel: shown } },
      };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (!handler) {
      return { ok: false, error: { code: 'NOT_AVAILABLE', message: `"${channel}" is not available in this build.`, params: { channel } } };
    }
    try {
      const value = await handler(parsed.data as never, ctx);
      // Outputs are checked too, so a handler bug surfaces here instead of as a confusing renderer crash.
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(channel, checked.error);
        return {
          ok: false,
          error: {
            code: BoundaryCodes.BadOutput,
            message: `Klientdesk produced an answer it could not vouch for on "${channel}".`,
            params: { channel },
          },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof ZodError)) options.onInternalError?.(channel, error);
      return { ok: false, error: toErrorShape(error) };
    }
  };
}
