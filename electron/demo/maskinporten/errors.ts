// Maskinporten's error bodies: `{error, error_description}`. Handlers write the form of Digdir's documented
// table (an MP-nnn code in the description); `realForm` turns it into what the live service was seen to
// send (maskinporten.md §5): no MP code, `forbidden` for a scope not granted, and the correlation id last.
import { json, type Reply } from '../http/reply';
import type { MaskinportenErrorForm } from '../types';

export const mpError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description }, { 'cache-control': 'no-store' });

export const invalidRequest = (why: string): Reply =>
  mpError(400, 'invalid_request', `Invalid assertion. Invalid parameter value: ${why} (MP-011)`);
export const invalidGrant = (description: string): Reply => mpError(400, 'invalid_grant', description);

const MP_CODE = /\s*\(MP-\d{3}\)/g;
const REAL_ERROR: Record<string, string> = { access_denied: 'forbidden' };

export function inForm(reply: Reply, form: MaskinportenErrorForm, correlationId: string): Reply {
  if (form === 'documented' || reply.status < 400 || typeof reply.body !== 'string') return reply;
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    return reply;
  }
  const b = body as { error?: unknown; error_description?: unknown };
  if (typeof b.error !== 'string' || typeof b.error_description !== 'string') return reply;
  const description = `${b.error_description.replace(MP_CODE, '').trim()} (correlation id: ${correlationId})`;
  return { ...reply, body: JSON.stringify({ error: REAL_ERROR[b.error] ?? b.error, error_description: description }) };
}
