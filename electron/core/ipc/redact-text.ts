// Last line of defence for any text leaving the main process: compact JWTs and PEM blocks never pass.
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const PEM = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/-]+=*/gi;

export function redactText(text: string): string {
  return text.replace(PEM, '[redacted key]').replace(JWT, '[redacted token]').replace(BEARER, '$1[redacted]');
}
