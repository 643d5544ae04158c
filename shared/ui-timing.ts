/**
 * How long the client search waits after a keystroke before it asks the store: long enough that fast typing
 * sends one query, short enough to feel immediate. The benchmark reads it to separate this wait from the work.
 */
export const SEARCH_DEBOUNCE_MS = 120;
