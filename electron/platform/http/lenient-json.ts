// Tolerant readers for remote JSON. The services disagree with their own docs about key casing
// (`ID`/`id`, PascalCase/camelCase PDP output), ship keys with stray spaces (`"legacyurn "`), and send
// numbers as strings. These helpers look keys up case- and whitespace-insensitively and coerce scalars.

export type JsonObject = Record<string, unknown>;

export function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

const normaliseKey = (k: string): string => k.trim().toLowerCase();

/** The first of `names` present in `obj`, matched ignoring case and surrounding spaces. */
export function field(obj: unknown, ...names: string[]): unknown {
  const o = asObject(obj);
  if (!o) return undefined;
  for (const name of names) if (name in o && o[name] !== undefined) return o[name];
  const wanted = names.map(normaliseKey);
  for (const [k, v] of Object.entries(o)) {
    if (v !== undefined && wanted.includes(normaliseKey(k))) return v;
  }
  return undefined;
}

export function str(obj: unknown, ...names: string[]): string | undefined {
  const v = field(obj, ...names);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function num(obj: unknown, ...names: string[]): number | undefined {
  const v = field(obj, ...names);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function bool(obj: unknown, ...names: string[]): boolean | undefined {
  const v = field(obj, ...names);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function arr(obj: unknown, ...names: string[]): unknown[] {
  const v = field(obj, ...names);
  return Array.isArray(v) ? v : [];
}
