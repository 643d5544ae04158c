// Norwegian organisation numbers (9 digits, mod-11 check) and national ids (11 digits, two mod-11 checks).
const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const NID_WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const NID_WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function mod11(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  // A remainder of 1 has no valid check digit; such numbers are never issued.
  return k === 10 ? null : k;
}

/** The check digit for an 8-digit prefix, or null when no valid number exists for it. */
export function orgNumberCheckDigit(prefix8: string): number | null {
  if (!/^\d{8}$/.test(prefix8)) return null;
  return mod11(prefix8, ORG_WEIGHTS);
}

/** Strips the spaces, dots and dashes people type or paste around an org number. */
export function normaliseOrgNumber(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '');
}

export function isValidOrgNumber(value: string): boolean {
  const digits = normaliseOrgNumber(value);
  if (!/^\d{9}$/.test(digits)) return false;
  const k = orgNumberCheckDigit(digits.slice(0, 8));
  return k !== null && k === Number(digits[8]);
}

/** `974761076` → `974 761 076`; anything that is not 9 digits is returned as given. */
export function formatOrgNumber(value: string): string {
  const digits = normaliseOrgNumber(value);
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value;
}

export type OrgNumberProblem = 'empty' | 'not-nine-digits' | 'bad-check-digit';

/** Why a typed or imported org number is not valid, or null when it is. */
export function orgNumberProblem(value: string): OrgNumberProblem | null {
  const digits = normaliseOrgNumber(value);
  if (digits === '') return 'empty';
  if (!/^\d{9}$/.test(digits)) return 'not-nine-digits';
  // Checked here rather than through isValidOrgNumber, which would strip and test the digits again: a pasted
  // list of 50,000 numbers passes through this once per number.
  const k = mod11(digits, ORG_WEIGHTS);
  return k !== null && k === digits.charCodeAt(8) - 48 ? null : 'bad-check-digit';
}

export function isValidNationalId(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  const k1 = mod11(digits, NID_WEIGHTS_1);
  if (k1 === null || k1 !== Number(digits[9])) return false;
  const k2 = mod11(digits, NID_WEIGHTS_2);
  return k2 !== null && k2 === Number(digits[10]);
}

export const toIso6523 = (orgNumber: string): string => `0192:${normaliseOrgNumber(orgNumber)}`;

/** Valid org numbers in order from a prefix (each prefix with its mod-11 check digit), for test and bench data. */
export function* syntheticOrgNumbers(start = 32_000_000): Generator<string> {
  for (let prefix = start; ; prefix++) {
    const check = orgNumberCheckDigit(String(prefix));
    if (check !== null) yield `${prefix}${check}`;
  }
}
