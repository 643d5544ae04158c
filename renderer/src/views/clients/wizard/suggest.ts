/** The system user most of the chosen clients point to: suggested ones when adding, delegated ones when removing. */
export function mostCommon(ids: readonly (string | null | undefined)[]): string | null {
  const counts = new Map<string, number>();
  for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > counts.get(best)!) best = id;
  return best;
}
