// The last guard before anything leaves the main process for the view or a shared file. The HTTP layer and
// the demo world already redact; this runs again because a missed token here would end up on screen or in
// someone's mail.
import type { DecodedJwt } from '../../../shared/contract/actorflow';
import { redactText, redactValue } from '../../platform/http/redact';

/** Text with tokens, grants, codes and private keys replaced; null stays null. */
export function safeText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : redactText(text);
}

/** A body that was parsed by the world's traffic log, as display text. */
export function safeBody(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  return redactText(typeof body === 'string' ? body : JSON.stringify(redactValue(body), null, 2));
}

/** Claims are not secret, but a claim value could still carry a token (e.g. an echoed assertion). */
export function safeDecoded(decoded: DecodedJwt): DecodedJwt {
  return { label: decoded.label, header: redactValue(decoded.header), claims: redactValue(decoded.claims) };
}
