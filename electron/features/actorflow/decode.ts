// Reads the header and claims of a compact JWT for display. The compact form itself is never kept: only
// what decodes from it, which is what a reader of the flow needs to see.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { DecodedJwt } from '../../../shared/contract/actorflow';

export function decodeForDisplay(label: string, compact: string): DecodedJwt | null {
  try {
    return { label, header: { ...decodeProtectedHeader(compact) }, claims: { ...decodeJwt(compact) } };
  } catch {
    // Opaque tokens are allowed by the protocols; there is nothing to show then.
    return null;
  }
}
