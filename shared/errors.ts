// One error shape crosses every boundary: IPC, the browser host and the services behind them.
export interface AppErrorShape {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error implements AppErrorShape {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
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
