// The admin API's bearer secret: drawn at random unless the caller names one, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 bits written in base64url is 22 characters; shorter secrets are refused. */
export const MIN_ADMIN_SECRET_LENGTH = 22;

export const newAdminSecret = (): string => randomBytes(32).toString('base64url');

export function checkAdminSecret(secret: string): string {
  if (secret.length < MIN_ADMIN_SECRET_LENGTH || /\s/.test(secret))
    throw new Error(`The admin secret must be at least ${MIN_ADMIN_SECRET_LENGTH} characters without spaces (128 bits or more)`);
  return secret;
}

/** Hashing first gives both sides the same length, so timingSafeEqual never throws or leaks the length. */
export function secretMatches(expected: string, authorization: string | undefined): boolean {
  const m = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
  const given = createHash('sha256')
    .update(m ? m[1]! : '')
    .digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, wanted) && m !== null;
}
