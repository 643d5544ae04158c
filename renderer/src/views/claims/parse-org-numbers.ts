// Org numbers as people type or paste them: one per line, or separated by commas, semicolons or spaces, and
// often grouped as `313 367 002`. Each is checked with mod-11 so a typo is caught before anything is sent.
import { normaliseOrgNumber, orgNumberProblem } from '../../../../shared/domain/orgnr';

// Nine digits, optionally grouped 3-3-3, and not part of a longer run of digits; anything else is one token.
const CANDIDATE = /(?<!\d)\d{3}[ .\u00a0]?\d{3}[ .\u00a0]?\d{3}(?!\d)|[^\s,;]+/g;

export function parseOrgNumbers(text: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const [token] of text.matchAll(CANDIDATE)) {
    if (orgNumberProblem(token) === null) valid.add(normaliseOrgNumber(token));
    else invalid.push(token);
  }
  return { valid: [...valid], invalid };
}
