// The headers the browser host sends with every answer, pages and API alike. Their own module so the start-up
// bench's baseline server sends exactly these with the same built renderer.
import { CONTENT_SECURITY_POLICY } from '../platform/csp';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
