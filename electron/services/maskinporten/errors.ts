// Maskinporten error bodies: { error, error_description, error_uri? } (maskinporten.md §5). They come in two
// forms: the documented one with an MP-nnn code and a trace id in the description, and the one captured from
// the real service: no code, `error: "forbidden"` for a scope not granted, and a description ending in
// "(correlation id: <uuid>)". The app classifies by the code when there is one, else by `error` and by the
// wording, and names the result with the documented code so both forms lead to the same handling and words.
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpResponse } from '../../platform/http/http-client';
import { isRetryableStatus } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { redactText } from '../../platform/http/redact';
import { errorBodySchema } from './schemas';

const MP_CODE = /\bMP-\d{3}\b/;
const CORRELATION_ID = /correlation[ _-]?id[\s:=]+([A-Za-z0-9-]+)/i;
const TRACE_ID = /trace[ _-]?id[\s:=]+([A-Za-z0-9-]+)/i;
const ISSUED_IN_FUTURE = /issue time is after now/i;

/** Documented wordings (maskinporten.md §5), most specific first: "Expired key" before "JWT is expired". */
const WORDING: readonly [RegExp, string][] = [
  [/expired key/i, 'MP-121'],
  [/jwt is expired|token is expired|grant is expired/i, 'MP-130'],
  [/used before/i, 'MP-012'],
  [/invalid jwt claim aud/i, 'MP-110'],
  [/invalid certificate/i, 'MP-120'],
  [/does not match certificate orgno/i, 'MP-122'],
  [/invalid jwt header x5c/i, 'MP-123'],
  [/invalid jwt signature/i, 'MP-124'],
  [/client not found|client authentication failed/i, 'MP-100'],
  [/invalid parameter value/i, 'MP-011'],
  [/not allowed for maskinporten/i, 'MP-201'],
  [/invalid scopes for client/i, 'MP-200'],
  [/has not delegated access to the scope/i, 'MP-251'],
  [/has not been granted access to the scope/i, 'MP-250'],
  [/unknown authorization details type/i, 'MP-301'],
  [/unknown fields in the authorization details/i, 'MP-302'],
  [/invalid authorization details/i, 'MP-303'],
];

/** `error` values that say enough on their own. */
const BY_ERROR: Record<string, string> = {
  forbidden: 'MP-250',
  access_denied: 'MP-250',
  invalid_scope: 'MP-200',
  invalid_altinn_customer_configuration: 'MP-303',
};

const PLAIN_WORDS: Record<string, string> = {
  'MP-011': 'Maskinporten could not read the grant (malformed JWT).',
  'MP-012': 'Maskinporten has seen this grant before; a new one is needed.',
  'MP-100': 'Maskinporten does not know this client id. Check the Maskinporten client id and that it belongs to this environment.',
  'MP-110': 'The grant was addressed to the wrong Maskinporten environment (aud).',
  'MP-120': 'Maskinporten does not accept the signing key (wrong environment or invalid certificate).',
  'MP-121': 'The signing key has expired at Maskinporten (keys live one year). Upload a new key.',
  'MP-122': 'The certificate belongs to another organisation than the Maskinporten client.',
  'MP-123': 'The grant header has an invalid x5c.',
  'MP-124': 'The grant signature did not verify: Maskinporten holds a different key under this kid.',
  'MP-130': "The grant was rejected as expired: our clock and Maskinporten's disagree.",
  'MP-200': 'The scope is not registered on the Maskinporten client.',
  'MP-201': 'The scope may not be used with this kind of Maskinporten client.',
  'MP-250': 'The vendor organisation has not been granted access to the scope by its owner.',
  'MP-251': 'The scope has not been delegated to the vendor.',
  'MP-301': 'The grant names an unknown authorization_details type.',
  'MP-302': 'The grant has unknown fields in authorization_details.',
  'MP-303': 'No approved system user matches the firm and externalRef in the grant (or the system does not list our client id).',
};

/** The documented code the body stands for: its own MP code, else what its wording or `error` says. */
export function classifyMaskinportenError(error: string | undefined, description: string | undefined): string | undefined {
  const own = description ? MP_CODE.exec(description)?.[0] : undefined;
  if (own) return own;
  const byWording = description ? WORDING.find(([pattern]) => pattern.test(description))?.[1] : undefined;
  return byWording ?? (error ? BY_ERROR[error] : undefined);
}

/** Maskinporten's own id for the failed request, in either form ("correlation id: …" or "trace id: …"). */
export function maskinportenCorrelationId(description: string | undefined): string | undefined {
  if (!description) return undefined;
  return CORRELATION_ID.exec(description)?.[1] ?? TRACE_ID.exec(description)?.[1];
}

export function maskinportenError(res: HttpResponse): ServiceError {
  const json = parseJsonOrUndefined(res.bodyText);
  const body = readIfFits(errorBodySchema, json);
  const error = body?.error;
  const description = body?.error_description ?? (json === undefined ? res.bodyText.trim() : undefined);
  const issuedInFuture = description !== undefined && ISSUED_IN_FUTURE.test(description);
  const classified = classifyMaskinportenError(error, description);
  const code = issuedInFuture && !classified ? LocalCodes.ClockSkew : (classified ?? error ?? `HTTP_${res.status}`);
  const plain = issuedInFuture
    ? "Maskinporten says the grant was issued in the future: our clock is ahead of Maskinporten's."
    : ((classified && PLAIN_WORDS[classified]) ??
      `Maskinporten refused the token request (HTTP ${res.status}${error ? `, ${error}` : ''}).`);
  return new ServiceError({
    service: 'maskinporten',
    code,
    message: plain,
    status: res.status,
    retryable: isRetryableStatus(res.status),
    correlationId: res.correlationId,
    traceId: maskinportenCorrelationId(description),
    remoteMessage:
      [error, description]
        .filter(Boolean)
        .map((t) => redactText(t!))
        .join(': ') || undefined,
  });
}

/** Errors a clock resync can cure: an expired grant (MP-130, "JWT is expired") and "Issue time is after now". */
export function isClockSkewError(e: ServiceError): boolean {
  return (
    e.service === 'maskinporten' &&
    (e.code === 'MP-130' || e.code === LocalCodes.ClockSkew || (e.remoteMessage !== undefined && ISSUED_IN_FUTURE.test(e.remoteMessage)))
  );
}
