// Errors raised by the main-process services. Every remote failure becomes a ServiceError that keeps the
// remote service's own code (MP-303, AUTH-00080, DAS-008 …) so the UI can branch on it, plus the ids a
// support person needs to find the call in the service's logs.
import { AppError, type AppErrorShape, type ErrorParams } from '../../shared/errors';

export type ServiceName = 'maskinporten' | 'idporten' | 'altinn' | 'skatteetaten' | 'demo' | 'local';

export interface ServiceErrorInit {
  service: ServiceName;
  code: string;
  /** In plain words, safe to show to the user and to log (never contains tokens). */
  message: string;
  status?: number;
  retryable?: boolean;
  /** Our X-Correlation-ID for the call. */
  correlationId?: string;
  /** Altinn's W3C trace id, or Maskinporten's correlation (or trace) id, when the body has one. */
  traceId?: string;
  /** Skatteetaten's korrelasjonsid from the error body. */
  korrelasjonsid?: string;
  /** The service's own title/description/melding, already redacted. */
  remoteMessage?: string;
  /** Sub-errors, e.g. the validationErrors inside an Altinn STD-00000 problem. */
  subErrors?: readonly { code: string; title?: string; paths?: readonly string[] }[];
  /** When the service said how long to wait (Retry-After) and the HTTP layer's own retries ran out. */
  retryAfterSeconds?: number;
  /** Values the renderer puts into its sentence for this code. */
  params?: ErrorParams;
  cause?: unknown;
}

export class ServiceError extends AppError {
  readonly service: ServiceName;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly correlationId: string | undefined;
  readonly traceId: string | undefined;
  readonly korrelasjonsid: string | undefined;
  readonly remoteMessage: string | undefined;
  readonly subErrors: readonly { code: string; title?: string; paths?: readonly string[] }[];

  constructor(init: ServiceErrorInit) {
    super(
      init.code,
      init.message,
      compact({
        service: init.service,
        status: init.status,
        retryable: init.retryable ?? false,
        correlationId: init.correlationId,
        traceId: init.traceId,
        korrelasjonsid: init.korrelasjonsid,
        remoteMessage: init.remoteMessage,
        subErrors: init.subErrors && init.subErrors.length > 0 ? init.subErrors : undefined,
        retryAfterSeconds: init.retryAfterSeconds,
      }),
      init.params,
    );
    this.name = 'ServiceError';
    this.service = init.service;
    this.status = init.status;
    this.retryable = init.retryable ?? false;
    this.correlationId = init.correlationId;
    this.traceId = init.traceId;
    this.korrelasjonsid = init.korrelasjonsid;
    this.remoteMessage = init.remoteMessage;
    this.subErrors = init.subErrors ?? [];
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }

  /** The service, its code, status and the id to look the call up by travel as fields the renderer can show. */
  override toShape(): AppErrorShape {
    const correlationId = this.korrelasjonsid ?? this.traceId ?? this.correlationId;
    return {
      ...super.toShape(),
      service: this.service,
      serviceCode: this.code,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(correlationId === undefined ? {} : { correlationId }),
    };
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;

/** Codes the app itself assigns when the remote service gives none. */
export const LocalCodes = {
  Timeout: 'TIMEOUT',
  Network: 'NETWORK',
  Aborted: 'ABORTED',
  HttpStatus: 'HTTP_STATUS',
  BadResponse: 'BAD_RESPONSE',
  NoClientAdmin: 'NO_CLIENT_ADMIN',
  /** The login lacks a scope (or the consent behind it) that a call needs; not a missing role. */
  MissingScope: 'MISSING_SCOPE',
  AltinnUnauthenticated: 'ALTINN_UNAUTHENTICATED',
  NotLoggedIn: 'NOT_LOGGED_IN',
  LoginCancelled: 'LOGIN_CANCELLED',
  LoginFailed: 'LOGIN_FAILED',
  ClockSkew: 'CLOCK_SKEW',
} as const;

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
