// Altinn's error body shapes (altinn.md §2): Altinn ProblemDetails, the STD-00000 validation problem,
// plain ASP.NET ProblemDetails, bare text and empty 401/403.
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { empty, json, problemJson, text, type Reply } from '../http/reply';

export const traceId = (): string => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;

/** Altinn's ProblemDetails carry the status's reason phrase beside the number. */
const statusDescription = (status: number): string => STATUS_CODES[status] ?? '';

export function altinnProblem(status: number, code: string, title: string, extra: Record<string, unknown> = {}): Reply {
  return problemJson(status, {
    type: `urn:altinn:error:${code}`,
    title,
    status,
    statusDescription: statusDescription(status),
    code,
    traceId: traceId(),
    ...extra,
  });
}

export interface ValidationError {
  code: string;
  title: string;
  paths?: string[];
}

export function validationProblem(errors: ValidationError[]): Reply {
  return problemJson(400, {
    type: 'urn:altinn:error:STD-00000',
    title: 'One or more validation errors occurred.',
    status: 400,
    statusDescription: statusDescription(400),
    code: 'STD-00000',
    traceId: traceId(),
    validationErrors: errors.map((e) => ({ code: e.code, title: e.title, ...(e.paths ? { paths: e.paths } : {}) })),
  });
}

/** Plain ASP.NET ProblemDetails: only title, detail and status. */
export const plainProblem = (status: number, title: string, detail?: string): Reply =>
  problemJson(status, { title, ...(detail !== undefined ? { detail } : {}), status });

/** ASP.NET model binding's answer to a missing required query parameter. */
export const missingParameter = (name: string): Reply =>
  problemJson(400, {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: { [name]: [`The ${name} field is required.`] },
    traceId: traceId(),
  });

export const unauthorized = (): Reply => empty(401);
export const forbidden = (): Reply => empty(403);
export const bareText = (status: number, body: string): Reply => text(status, body);
export const ok = (value: unknown): Reply => json(200, value);

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (v: string | null | undefined): v is string => !!v && GUID.test(v) && v !== '00000000-0000-0000-0000-000000000000';
