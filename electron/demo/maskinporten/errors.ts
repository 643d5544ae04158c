// Maskinporten's error body: `{error, error_description}`, the MP-nnn code always in the description.
import { json, type Reply } from '../http/reply';

export const mpError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description }, { 'cache-control': 'no-store' });

export const invalidRequest = (why: string): Reply =>
  mpError(400, 'invalid_request', `Invalid assertion. Invalid parameter value: ${why} (MP-011)`);
export const invalidGrant = (description: string): Reply => mpError(400, 'invalid_grant', description);
