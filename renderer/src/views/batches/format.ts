// Small formatters shared by the batch views and the global indicator.

/** 45 → "45 s", 200 → "4 min", 5400 → "1 t 30 min" (or "1 h 30 min"). */
export function formatDuration(seconds: number, lang: string): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = lang === 'nb' ? 't' : 'h';
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} min`;
}

export const percentDone = (counts: { done: number; failed: number; skipped: number; total: number }): number =>
  counts.total === 0 ? 0 : Math.round(((counts.done + counts.failed + counts.skipped) / counts.total) * 100);

export { formatTime as timeOfDay } from '../../../../shared/format/format';
