// One error shape crosses every boundary: IPC, the browser host and the services behind them. The renderer
// words an error from its code and params in the user's language; `message` is English for logs and developers.
export type ErrorParams = Record<string, string | number>;

export interface AppErrorShape {
  code: string;
  message: string;
  /** Values the renderer puts into its own sentence for this code (counts, ids, a reason that picks a variant). */
  params?: ErrorParams;
  /** For a service's refusal: which service, its own code, the HTTP status and the id to find the call by. */
  service?: string;
  serviceCode?: string;
  status?: number;
  correlationId?: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error implements AppErrorShape {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
    public readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.params === undefined ? {} : { params: this.params }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** Codes raised by the contract boundary itself, before any handler runs. */
export const BoundaryCodes = {
  UnknownChannel: 'UNKNOWN_CHANNEL',
  BadInput: 'BAD_INPUT',
  ForbiddenSender: 'FORBIDDEN_SENDER',
  Internal: 'INTERNAL',
  BadOutput: 'BAD_OUTPUT',
} as const;
