// Codes that come from a service or the contract (package codes, claim types, step ids) are looked up under a
// prefix; the set is open, so these keys cannot be checked by the typecheck, and an unknown code shows as itself.
import type { TFunction } from 'i18next';

type LooseT = (key: string, options: { defaultValue: string } & Record<string, unknown>) => string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any namespace's t may look up an open set of codes
export function codeLabel(t: TFunction<any>, prefix: string, code: string, options: Record<string, unknown> = {}): string {
  return (t as unknown as LooseT)(`${prefix}.${code}`, { ...options, defaultValue: code });
}
