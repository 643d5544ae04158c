// Secrets (tokens, grants, private keys, authorization codes) must never reach a log line, an error
// message or the actor-flow view. Everything that leaves the HTTP layer as text goes through here.

export const REDACTED = '[REDACTED]';

// A compact JWS/JWT: three base64url segments, the first one a JSON header ("eyJ" = '{"').
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?(?:-----END \1-----|$)/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
// Form fields and query parameters whose value is a secret.
const SECRET_PARAM =
  /(^|[?&\s"'])(assertion|access_token|id_token|refresh_token|code|code_verifier|client_secret|password|passphrase|subscription-key)=([^&\s"']*)/gi;
// JSON members whose value is a secret: token fields, and the private members of an RSA JWK.
const SECRET_JSON_MEMBER =
  /("(?:access_token|id_token|refresh_token|assertion|code_verifier|client_secret|password|passphrase|privateKey|private_key|d|p|q|dp|dq|qi)"\s*:\s*)"[^"]*"/g;

const SECRET_KEYS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'assertion',
  'code_verifier',
  'client_secret',
  'password',
  'passphrase',
  'privatekey',
  'private_key',
  'authorization',
  'ocp-apim-subscription-key',
  'token',
  'grant',
]);
const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi']);

/** Replaces every secret-looking substring of a text (log line, body, URL, error message). */
export function redactText(text: string): string {
  return text
    .replace(PEM_BLOCK, `[REDACTED PEM]`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_PARAM, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`)
    .replace(SECRET_JSON_MEMBER, `$1"${REDACTED}"`);
}

/** A deep copy of a JSON-like value with secret members and secret-looking strings replaced. */
export function redactValue<T>(value: T): T {
  return redactAny(value, false) as T;
}

function redactAny(value: unknown, isJwk: boolean): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactAny(v, false));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const looksLikeJwk = typeof obj['kty'] === 'string' || isJwk;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = k.trim().toLowerCase();
    if (SECRET_KEYS.has(key) || (looksLikeJwk && JWK_PRIVATE_MEMBERS.has(key))) out[k] = REDACTED;
    else out[k] = redactAny(v, false);
  }
  return out;
}

/** Header values safe to show: credentials are replaced, everything else kept. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = SECRET_KEYS.has(k.toLowerCase()) ? REDACTED : redactText(v);
  }
  return out;
}
