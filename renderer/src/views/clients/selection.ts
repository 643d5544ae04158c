// How clicks and keys change the multi-selection, the way file managers do: click picks one, Ctrl/Cmd-click
// toggles one, Shift-click picks the range from the anchor (added to the selection when Ctrl/Cmd is held too).

export type SelectGesture = 'replace' | 'toggle' | 'range' | 'range-add';

export function gestureOf(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectGesture {
  const toggle = event.ctrlKey || event.metaKey;
  if (event.shiftKey) return toggle ? 'range-add' : 'range';
  return toggle ? 'toggle' : 'replace';
}

/** The next selection. `range` holds the org numbers from the anchor to the clicked row for range gestures. */
export function nextSelection(
  current: readonly string[],
  gesture: SelectGesture,
  orgNumber: string,
  range: readonly string[] = [orgNumber],
): string[] {
  switch (gesture) {
    case 'replace':
      return [orgNumber];
    case 'toggle':
      return current.includes(orgNumber) ? current.filter((o) => o !== orgNumber) : [...current, orgNumber];
    case 'range':
      return [...range];
    case 'range-add': {
      const have = new Set(current);
      return [...current, ...range.filter((o) => !have.has(o))];
    }
  }
}
