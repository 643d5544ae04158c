// Altinn's five error body shapes (altinn.md §2): Altinn ProblemDetails with `code`, a validation problem
// (STD-00000 wrapping validationErrors), plain ASP.NET ProblemDetails, bare text, and empty 401/403.
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpResponse } from '../../platform/http/http-client';
import { isRetryableStatus } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { redactText } from '../../platform/http/redact';
import { problemDetailsSchema } from './schemas';
import { missingScopeError } from './scopes';

/** The scope `enduser/authorizedparties` checks (altinn.md §3); its empty 403 means the login lacks it. */
const AUTHORIZED_PARTIES_SCOPE = 'altinn:accessmanagement/authorizedparties';

/** What an empty 403 means depends on the endpoint: for client delegation it is the missing admin right. */
export type AltinnCallKind = 'client-delegation' | 'authorized-parties' | 'token-exchange' | 'vendor' | 'pdp';

const PLAIN_WORDS: Record<string, string> = {
  'AUTH-00002': 'Altinn could not complete the delegation. Try again later.',
  'AUTH-00004': 'A system user already exists for this system, firm and externalRef.',
  'AUTH-00011': 'Altinn does not know this system, or it belongs to another vendor.',
  'AUTH-00021': 'The redirect URL is not one of the system’s allowed redirect URLs.',
  'AUTH-00031': 'The firm is not the one that delegated this client.',
  'AUTH-00063': 'The system user has no access packages, or a package is not on the system.',
  'AUTH-00066': 'You may not approve system-user requests for this firm (Tilgangsstyrer is needed).',
  'AUTH-00079': 'This organisation is not one of the firm’s clients.',
  'AUTH-00080': 'The client has not given the firm every access package this system user requires.',
  'AUTH.VLD-00014': 'The system user is missing or unknown.',
  'AUTH.VLD-00015': 'The system user is not an agent (client) system user.',
  'AUTH.VLD-00016': 'The client is missing or invalid.',
};

export function altinnError(res: HttpResponse, kind: AltinnCallKind): ServiceError {
  const text = res.bodyText.trim();
  // A body that is not a ProblemDetails (a JSON string, a list, a field of the wrong type) is shown as text.
  const body = readIfFits(problemDetailsSchema, parseJsonOrUndefined(text));
  const base = {
    service: 'altinn' as const,
    status: res.status,
    correlationId: res.correlationId,
    retryable: isRetryableStatus(res.status),
  };

  if (text === '' && (res.status === 401 || res.status === 403)) return emptyAuthError(res, kind, base);

  if (body) {
    const { title, detail, statusDescription, traceId } = body;
    const remoteMessage =
      [title, detail, statusDescription]
        .filter(Boolean)
        .map((t) => redactText(t!))
        .join(' — ') || undefined;
    const subErrors = body.validationErrors.map(({ code, title: subTitle, paths }) => ({ code, title: subTitle, paths }));
    // The outer STD-00000 only says "validation failed"; the first inner code says what failed.
    const code = subErrors[0]?.code ?? body.code ?? `HTTP_${body.status ?? res.status}`;
    const message =
      PLAIN_WORDS[code] ??
      (subErrors.length > 0 ? subErrors.map((s) => s.title ?? s.code).join('; ') : undefined) ??
      (title ? `Altinn: ${redactText(title)}${detail ? ` (${redactText(detail)})` : ''}` : `Altinn answered HTTP ${res.status}.`);
    return new ServiceError({ ...base, code, message, traceId, remoteMessage, subErrors });
  }

  if (text !== '') {
    const safe = redactText(text.slice(0, 300));
    return new ServiceError({ ...base, code: `HTTP_${res.status}`, message: `Altinn: ${safe}`, remoteMessage: safe });
  }
  return new ServiceError({ ...base, code: `HTTP_${res.status}`, message: `Altinn answered HTTP ${res.status} with no explanation.` });
}

function emptyAuthError(
  res: HttpResponse,
  kind: AltinnCallKind,
  base: { service: 'altinn'; status: number; correlationId: string; retryable: boolean },
): ServiceError {
  if (res.status === 401) {
    return new ServiceError({
      ...base,
      code: LocalCodes.AltinnUnauthenticated,
      message:
        kind === 'token-exchange'
          ? 'Altinn did not accept the ID-porten login (or the person has no Altinn user). Log in again.'
          : 'Altinn did not accept the login; it may have expired. Log in again.',
    });
  }
  switch (kind) {
    case 'client-delegation':
      return new ServiceError({
        ...base,
        code: LocalCodes.NoClientAdmin,
        message:
          'You do not have the Client administrator right for this firm, so Altinn refuses to show or change its client delegations. Ask the general manager or a main administrator to give you the Klientadministrator access package.',
      });
    case 'authorized-parties':
      return missingScopeError([AUTHORIZED_PARTIES_SCOPE], base);
    case 'token-exchange':
      return new ServiceError({ ...base, code: 'ALTINN_SCOPE_MISSING', message: 'The ID-porten login carries no Altinn scopes.' });
    default:
      return new ServiceError({ ...base, code: 'ALTINN_FORBIDDEN', message: 'Altinn refused the call (missing right or scope).' });
  }
}
