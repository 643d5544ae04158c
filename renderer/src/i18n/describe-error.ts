// The one place an error becomes a sentence: by code (and service), with its params, in the reader's language.
// The main process's English message never reaches the screen; it stays in the details for support.
import type { TFunction } from 'i18next';

/**
 * Error texts are looked up by codes that arrive at run time, so these helpers take any view's t and build
 * keys dynamically; the texts themselves are still checked for both languages where they are registered.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTFunction = TFunction<any, any>;
import type { AppErrorShape, ErrorParams } from '../../../shared/errors';

export interface ErrorFacts {
  code: string;
  params: ErrorParams;
  service?: string;
  serviceCode?: string;
  status?: number;
  correlationId?: string;
  /** The developer-facing text from the main process, shown only inside the details. */
  technical?: string;
}

export interface DescribedError {
  text: string;
  facts: ErrorFacts;
}

const SERVICE_GROUPS = ['altinn', 'maskinporten', 'skatteetaten', 'idporten'] as const;

/** i18next reads "." as nesting, so AUTH.VLD-00014 is stored as AUTH_VLD-00014. */
export const errorKey = (code: string): string => code.replace(/\./g, '_');

/** A code without its service still says which service gave it (batch items, claims, actor-flow steps). */
export function serviceOfCode(code: string): string | undefined {
  if (/^(AUTH|AM|STD)[.-]/.test(code)) return 'altinn';
  if (/^MP-\d/.test(code)) return 'maskinporten';
  if (/^(KB|DAS)-\d/.test(code)) return 'skatteetaten';
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function paramsOf(v: unknown): ErrorParams {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([, p]) => typeof p === 'string' || typeof p === 'number')) as ErrorParams;
}

/** Reads whatever was thrown: a contract error (ApiError), a plain shape, or something the renderer made. */
export function errorFacts(error: unknown): ErrorFacts {
  if (isRecord(error) && typeof error.code === 'string') {
    const shape = error as Partial<AppErrorShape> & { code: string };
    const details = isRecord(shape.details) ? shape.details : {};
    const service = str(shape.service) ?? str(details.service) ?? serviceOfCode(shape.code);
    const status = typeof shape.status === 'number' ? shape.status : typeof details.status === 'number' ? details.status : undefined;
    const correlationId = str(shape.correlationId) ?? str(details.korrelasjonsid) ?? str(details.traceId) ?? str(details.correlationId);
    return {
      code: shape.code,
      params: paramsOf(shape.params),
      ...(service ? { service } : {}),
      ...(str(shape.serviceCode) || service ? { serviceCode: str(shape.serviceCode) ?? shape.code } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(correlationId ? { correlationId } : {}),
      ...(str(shape.message) ? { technical: shape.message } : {}),
    };
  }
  return { code: 'INTERNAL', params: {}, ...(error instanceof Error ? { technical: error.message } : {}) };
}

/** Params that are codes themselves (a batch state, an environment id) are worded before they go in. */
function wordedParams(t: AnyTFunction, params: ErrorParams): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const key of ['from', 'to', 'state'] as const) {
    const v = params[key];
    if (typeof v === 'string') out[key] = t(`errors:batchStates.${v}`, { defaultValue: v });
  }
  if (typeof params.environment === 'string') {
    out.environment = t(`common:environment.${params.environment}`, { defaultValue: params.environment });
  }
  return out;
}

function statusKey(status: number | undefined): string | undefined {
  if (status === undefined) return undefined;
  if (status >= 500) return 'status_5xx';
  return [400, 401, 403, 404, 409, 429].includes(status) ? `status_${status}` : undefined;
}

/** The first key the errors namespace has, of those the code, service and status suggest. */
function pickKey(t: AnyTFunction, facts: ErrorFacts): string | undefined {
  const key = errorKey(facts.code);
  const group = SERVICE_GROUPS.find((g) => g === facts.service);
  const httpStatus = /^HTTP_(\d{3})$/.exec(facts.code)?.[1];
  const status = facts.status ?? (httpStatus ? Number(httpStatus) : undefined);
  const hostStatus = /^HOST_\d{3}$/.test(facts.code);
  const candidates = [
    group && `${group}.${key}`,
    facts.service && `anyService.${key}`,
    `app.${key}`,
    hostStatus && 'app.HOST_STATUS',
    facts.service && statusKey(status) && `anyService.${statusKey(status)}`,
  ].filter((k): k is string => typeof k === 'string');
  return candidates.find((k) => t(`errors:${k}`, { defaultValue: '' }) !== '');
}

export function describeError(error: unknown, t: AnyTFunction): DescribedError {
  const facts = errorFacts(error);
  const serviceName = facts.service ? t(`errors:services.${facts.service}`, { defaultValue: facts.service }) : '';
  const status = /^HOST_(\d{3})$/.exec(facts.code)?.[1];
  const values = { ...wordedParams(t, facts.params), service: serviceName, ...(status ? { status } : {}) };
  const key = pickKey(t, facts);
  const reason = typeof facts.params.reason === 'string' ? facts.params.reason : undefined;
  if (key) return { text: String(t(`errors:${key}`, { ...values, ...(reason ? { context: reason } : {}) })), facts };
  const fallback = facts.service ? 'errors:genericService' : 'errors:generic';
  return { text: t(fallback, values), facts };
}

/** One line of a pasted list or an imported file that could not be used, worded from its problem code. */
export function describeLineProblem(line: { problem?: string; params?: ErrorParams }, t: AnyTFunction): string {
  const key = line.problem && t(`errors:lineProblems.${line.problem}`, { defaultValue: '' }) !== '' ? line.problem : 'unknown';
  return t(`errors:lineProblems.${key}`, line.params ?? {});
}
