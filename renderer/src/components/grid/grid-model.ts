// The virtual grid's arithmetic, apart from React so it is tested on its own: column tracks from widths,
// the least width the rows need, and where a key moves the active row.

export interface ColumnWidth {
  key: string;
  /** Least width in px while the person has not dragged the column. */
  min: number;
  /** Share of the free width; 0 or absent keeps the column at `min`. */
  grow?: number;
  /** How narrow dragging may make it; `min` for a column whose content must never be cut (org numbers). */
  shrinkTo?: number;
}

/** Resized columns, by key, in px. */
export type Widths = Readonly<Record<string, number>>;

export const MIN_COLUMN_WIDTH = 40;

/** The CSS grid template: a column the person dragged keeps its px width, the others share the space left. */
export function gridTemplate(columns: readonly ColumnWidth[], widths: Widths): string {
  return columns
    .map((c) => {
      const dragged = widths[c.key];
      if (dragged !== undefined) return `${dragged}px`;
      return c.grow ? `minmax(${c.min}px, ${c.grow}fr)` : `${c.min}px`;
    })
    .join(' ');
}

/** The least width of a row: below it the grid scrolls sideways inside itself, never the page. */
export function minRowWidth(columns: readonly ColumnWidth[], widths: Widths): number {
  return columns.reduce((sum, c) => sum + (widths[c.key] ?? c.min), 0);
}

/** A dragged width, kept at or above what the column may shrink to. */
export function clampWidth(column: ColumnWidth, width: number): number {
  return Math.max(column.shrinkTo ?? MIN_COLUMN_WIDTH, Math.round(width));
}

/** Where a key moves the active row, or null when the key does not move it. */
export function moveFor(key: string, active: number, rowCount: number, rowsPerPage: number): number | null {
  if (rowCount === 0) return null;
  const page = Math.max(1, rowsPerPage - 1);
  const to: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + page,
    PageUp: active - page,
    Home: 0,
    End: rowCount - 1,
  };
  const next = to[key];
  return next === undefined ? null : Math.max(0, Math.min(rowCount - 1, next));
}
