// Seeded randomness: the same seed gives the same world, the same generated clients and the same faults.

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive independent sub-seeds from (seed, label) without consuming a shared stream. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const HEX = '0123456789abcdef';

/** A UUID v4 shaped value drawn from the seeded stream, so ids stay stable across runs. */
export function seededUuid(rng: Rng): string {
  // 32 draws, one per hex digit, in order: a world of 200,000 clients draws this many times at start, and a
  // persisted world must get the very same UUIDs from its seed as the version before did. The characters are
  // joined once: a string grown by `+=` stays a chain of 36 pieces in V8 (about 1 kB per UUID, 250 MB for a
  // world of 200,000 clients) until something reads it whole.
  const chars: string[] = [];
  for (let i = 0; i < 32; i++) {
    const digit = Math.floor(rng() * 16);
    if (i === 8 || i === 12 || i === 16 || i === 20) chars.push('-');
    chars.push(i === 12 ? '4' : i === 16 ? HEX[(digit & 0x3) | 0x8]! : HEX[digit]!);
  }
  return chars.join('');
}
