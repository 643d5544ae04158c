// ASP.NET binds JSON property names case-insensitively; these helpers read request bodies the same way.
import { isRecord } from '../jwt';

export function field(obj: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export const stringField = (obj: Record<string, unknown>, name: string): string | undefined => {
  const v = field(obj, name);
  return typeof v === 'string' ? v : undefined;
};

export const arrayField = (obj: Record<string, unknown>, name: string): unknown[] => {
  const v = field(obj, name);
  return Array.isArray(v) ? v : [];
};

export const recordField = (obj: Record<string, unknown>, name: string): Record<string, unknown> | undefined => {
  const v = field(obj, name);
  return isRecord(v) ? v : undefined;
};

export function localized(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** `[{urn}]` entries as URN strings (invalid entries become ''). */
export const packageUrns = (list: unknown[]): string[] => list.map((p) => (isRecord(p) ? String(field(p, 'urn') ?? '') : ''));
