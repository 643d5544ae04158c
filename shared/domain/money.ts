// Amounts in NOK are summed and rounded in whole øre; how they are worded is shared/format/format.ts's job.
/** Sums of many amounts drift in binary floating point; øre are what the user sees. */
export function roundToOre(amount: number): number {
  const rounded = Math.round(amount * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function sumAmounts(amounts: readonly number[]): number {
  // Add in whole øre so 0.1 + 0.2 style drift never reaches a total.
  return amounts.reduce((sum, a) => sum + Math.round(a * 100), 0) / 100;
}
