// Maskinporten expires an uploaded key a year after upload (MP-121 after that). The warning comes 30 days
// ahead, so there is time to generate, upload and activate a successor.
import type { KeyInfo } from '../../../../shared/contract/keys';

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ExpiryWarning {
  kid: string;
  expiresAt: string;
  expired: boolean;
}

export function expiryWarnings(keys: readonly KeyInfo[], now: Date): ExpiryWarning[] {
  return keys
    .filter((k) => k.status !== 'retired' && Date.parse(k.expiresAt) - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS)
    .map((k) => ({ kid: k.kid, expiresAt: k.expiresAt, expired: Date.parse(k.expiresAt) <= now.getTime() }));
}

/** What to upload to Maskinporten: it replaces the JWKS as a whole, so every key that is or will be used. */
export function jwksToUpload(keys: readonly KeyInfo[]): { keys: KeyInfo['publicJwk'][] } {
  return { keys: keys.filter((k) => k.status !== 'retired').map((k) => k.publicJwk) };
}
