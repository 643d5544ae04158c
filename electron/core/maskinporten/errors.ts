// Maskinporten error bodies: { error, error_description, error_uri? } with the MP-nnn code somewhere in
// the description (maskinporten.md §5). Classify by `error` and the MP code, never by status alone.
import { LocalCodes, ServiceError } from '../errors';
import type { HttpResponse } from '../http/http-client';
import { isRetryableStatus } from '../http/http-client';
import { parseJsonOrUndefined, str } from '../http/lenient-json';
import { redactText } from '../http/redact';

const MP_CODE = /\bMP-\d{3}\b/;
const TRACE_ID = /trace[ _-]?id[\s:=]+([A-Za-z0-9-]+)/i;
const ISSUED_IN_FUTURE = /issue time is after now/i;

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

export function maskinportenError(res: HttpResponse): ServiceError {
  const body = parseJsonOrUndefined(res.bodyText);
  const error = str(body, 'error');
  const description = str(body, 'error_description') ?? (body === undefined ? res.bodyText.trim() : undefined);
  const mpCode = description ? MP_CODE.exec(description)?.[0] : undefined;
  const traceId = description ? TRACE_ID.exec(description)?.[1] : undefined;
  const issuedInFuture = description !== undefined && ISSUED_IN_FUTURE.test(description);
  const code = issuedInFuture && !mpCode ? LocalCodes.ClockSkew : (mpCode ?? error ?? `HTTP_${res.status}`);
  const plain = issuedInFuture
    ? "Maskinporten says the grant was issued in the future: our clock is ahead of Maskinporten's."
    : ((mpCode && PLAIN_WORDS[mpCode]) ??
      (error === 'invalid_altinn_customer_configuration' ? PLAIN_WORDS['MP-303']! : undefined) ??
      `Maskinporten refused the token request (HTTP ${res.status}${error ? `, ${error}` : ''}).`);
  return new ServiceError({
    service: 'maskinporten',
    code,
    message: plain,
    status: res.status,
    retryable: isRetryableStatus(res.status),
    correlationId: res.correlationId,
    traceId,
    remoteMessage:
      [error, description]
        .filter(Boolean)
        .map((t) => redactText(t!))
        .join(': ') || undefined,
  });
}

/** Errors a clock resync can cure: MP-130 ("JWT is expired") and "Issue time is after now". */
export function isClockSkewError(e: ServiceError): boolean {
  return (
    e.service === 'maskinporten' &&
    (e.code === 'MP-130' || e.code === LocalCodes.ClockSkew || (e.remoteMessage !== undefined && ISSUED_IN_FUTURE.test(e.remoteMessage)))
  );
}
