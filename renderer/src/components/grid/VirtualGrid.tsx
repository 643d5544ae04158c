// The one grid for every long list: only the rows in view exist in the DOM (@tanstack/react-virtual), the
// header stays on top while the rows scroll, columns resize by drag (or arrow keys on their edge) and cut
// their text with an ellipsis and a tooltip. The grid is one focusable scroll area that points at its active
// row with aria-activedescendant, so the keyboard works even for rows not yet rendered.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Box, Skeleton, type SxProps, type Theme } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { clampWidth, gridTemplate, minRowWidth, moveFor, type ColumnWidth, type Widths } from './grid-model';
import { ResizeHandle } from './ResizeHandle';

export interface GridColumn<R> extends ColumnWidth {
  /** The header's text; also what the resize handle and a cut-off header say. Empty: no text, no handle. */
  label: string;
  /** A header the caller makes (a sort button) in place of the plain label. */
  header?: ReactNode;
  ariaSort?: 'ascending' | 'descending' | 'none';
  cell(row: R, index: number): ReactNode;
  /** The full text of a cell that may be cut off, shown as its tooltip. */
  title?(row: R): string | undefined;
  align?: 'left' | 'right' | 'center';
  cellSx?: SxProps<Theme>;
}

export interface RowAttributes {
  testId?: string;
  selected?: boolean;
  data?: Record<string, string>;
}

export interface VirtualGridProps<R> {
  label: string;
  /** Prefix of the rows' element ids (for aria-activedescendant); unique on the page. */
  idPrefix: string;
  columns: readonly GridColumn<R>[];
  rowCount: number;
  rowAt(index: number): R | undefined;
  rowHeight?: number;
  /** Told which rows are on screen, so a paged list fetches them. */
  onVisibleRange?(first: number, last: number): void;
  rowAttributes?(row: R | undefined, index: number): RowAttributes;
  onRowClick?(event: MouseEvent, index: number): void;
  /** Keys beyond moving the active row (Space, Escape, Ctrl+A); true when handled. */
  onGridKey?(event: KeyboardEvent, active: number): boolean;
  /** The active row moved by keyboard; `extend` when Shift was held. */
  onActiveMove?(index: number, extend: boolean): void;
  multiselectable?: boolean;
  describedBy?: string;
  testId?: string;
  /** Embedded grids (the wizard's review) grow with their rows up to this height; others fill their parent. */
  maxHeight?: number;
  /** When this changes the grid scrolls to the top and the first row becomes active (a new search). */
  resetKey?: unknown;
  loadingLabel: string;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
}

const HEADER_HEIGHT = 32;

export function VirtualGrid<R>(props: VirtualGridProps<R>) {
  const { columns, rowCount, rowAt, idPrefix } = props;
  const rowHeight = props.rowHeight ?? 32;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [widths, setWidths] = useState<Widths>({});
  const template = gridTemplate(columns, widths);
  const minWidth = minRowWidth(columns, widths);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // A few rows beyond the frame: every search repaints them all, and rows are quick to make while scrolling.
    overscan: 3,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { onVisibleRange } = props;
  useEffect(() => {
    if (rowCount > 0) onVisibleRange?.(first, last);
  }, [first, last, rowCount, onVisibleRange]);

  const { resetKey } = props;
  useEffect(() => {
    setActive(0);
    // Scrolling, even to where it is, makes the browser lay the page out there and then: only when needed.
    const frame = scrollRef.current;
    if (frame && frame.scrollTop !== 0) frame.scrollTo({ top: 0 });
  }, [resetKey]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.target !== e.currentTarget) return;
    const rowsPerPage = Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight);
    const next = moveFor(e.key, active, rowCount, rowsPerPage);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      props.onActiveMove?.(next, e.shiftKey);
      return;
    }
    if (rowCount > 0 && props.onGridKey?.(e, active)) e.preventDefault();
  }

  // Rows get one click handler for the grid's life, so a new render of the grid does not re-render them all.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onRowClick = useCallback((e: MouseEvent, index: number) => {
    setActive(index);
    latest.current.onRowClick?.(e, index);
  }, []);
  const onResize = useCallback(
    (column: GridColumn<R>, width: number) => setWidths((cur) => ({ ...cur, [column.key]: clampWidth(column, width) })),
    [],
  );
  const clickable = props.onRowClick !== undefined;
  const rowsSx = useMemo(() => rowGroupSx(columns, clickable), [columns, clickable]);

  const activeRendered = items.some((i) => i.index === active);
  const height =
    props.maxHeight === undefined ? undefined : Math.min(props.maxHeight, HEADER_HEIGHT + Math.max(1, rowCount) * rowHeight + 2);
  // Made again only when the height changes: each new sx object costs a style pass on every keystroke's render.
  const frameSx = useMemo(() => gridFrameSx(height), [height]);
  return (
    <Box
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-multiselectable={props.multiselectable ? 'true' : undefined}
      aria-describedby={props.describedBy}
      aria-activedescendant={activeRendered && rowCount > 0 ? `${idPrefix}-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={props.testId}
      sx={frameSx}
    >
      <GridHeader columns={columns} template={template} minWidth={minWidth} onResize={onResize} />
      {rowCount === 0 && props.empty && (
        <Box role="rowgroup">
          <Box role="row">
            <Box role="gridcell" aria-colspan={columns.length}>
              {props.empty}
            </Box>
          </Box>
        </Box>
      )}
      <Box role="rowgroup" sx={rowsSx} style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, minWidth }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const attributes = props.rowAttributes?.(row, item.index) ?? {};
          return (
            <GridRow<R>
              key={item.key}
              id={`${idPrefix}-${item.index}`}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              height={rowHeight}
              template={template}
              row={row}
              columns={columns}
              testId={attributes.testId}
              selected={attributes.selected}
              data={attributes.data}
              active={item.index === active}
              onClick={props.onRowClick ? onRowClick : undefined}
              loadingLabel={props.loadingLabel}
            />
          );
        })}
      </Box>
    </Box>
  );
}

/** The header row, memoised: it changes with the columns and their widths, not with the rows. */
const GridHeader = memo(function GridHeader<R>({
  columns,
  template,
  minWidth,
  onResize,
}: {
  columns: readonly GridColumn<R>[];
  template: string;
  minWidth: number;
  onResize(column: GridColumn<R>, width: number): void;
}) {
  const { t } = useTranslation();
  return (
    <Box role="rowgroup" sx={{ position: 'sticky', top: 0, zIndex: 1, minWidth, bgcolor: 'background.paper' }}>
      <Box
        role="row"
        aria-rowindex={1}
        sx={{
          display: 'grid',
          gridTemplateColumns: template,
          height: HEADER_HEIGHT,
          borderBottom: 2,
          borderColor: 'divider',
          alignItems: 'center',
        }}
      >
        {columns.map((c) => (
          <Box
            key={c.key}
            role="columnheader"
            aria-sort={c.ariaSort}
            title={c.label || undefined}
            sx={{ ...cellBase, position: 'relative', fontWeight: 600, justifyContent: justify(c.align) }}
          >
            {c.header ?? (
              <Box component="span" sx={ellipsis}>
                {c.label}
              </Box>
            )}
            {c.label && <ResizeHandle label={t('grid.resize', { column: c.label })} onResize={(w) => onResize(c, w)} />}
          </Box>
        ))}
      </Box>
    </Box>
  );
}) as <R>(props: {
  columns: readonly GridColumn<R>[];
  template: string;
  minWidth: number;
  onResize(column: GridColumn<R>, width: number): void;
}) => ReactNode;

interface GridRowProps<R> {
  id: string;
  index: number;
  top: number;
  height: number;
  template: string;
  row: R | undefined;
  columns: readonly GridColumn<R>[];
  testId: string | undefined;
  selected: boolean | undefined;
  data: Record<string, string> | undefined;
  active: boolean;
  onClick: ((event: MouseEvent, index: number) => void) | undefined;
  loadingLabel: string;
}

const sameData = (a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * One row, re-rendered only when what it shows changed: a search that keeps a client at its place, a scroll,
 * or a new selection elsewhere leaves the other rows as they are. Rows and cells are plain elements styled
 * from the row group (one style rule for all); only the row's place and column template are its own.
 */
const GridRow = memo(
  function GridRow<R>(props: GridRowProps<R>) {
    const { row, columns, index, data } = props;
    const attrs = data ? Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])) : undefined;
    return (
      <div
        id={props.id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={props.selected}
        data-testid={props.testId}
        data-active={props.active}
        {...attrs}
        onClick={props.onClick ? (e: MouseEvent) => props.onClick?.(e, index) : undefined}
        style={{ height: props.height, transform: `translateY(${props.top}px)`, gridTemplateColumns: props.template }}
      >
        {row === undefined ? (
          <div role="gridcell" aria-colspan={columns.length} data-loading="true">
            <Skeleton variant="text" aria-label={props.loadingLabel} />
          </div>
        ) : (
          columns.map((c) => (
            <div key={c.key} role="gridcell" title={c.title?.(row)} data-col={c.key} data-align={c.align}>
              {asCell(c.cell(row, index))}
            </div>
          ))
        )}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.top === b.top &&
    a.height === b.height &&
    a.template === b.template &&
    a.columns === b.columns &&
    a.testId === b.testId &&
    a.selected === b.selected &&
    a.active === b.active &&
    a.onClick === b.onClick &&
    a.id === b.id &&
    a.loadingLabel === b.loadingLabel &&
    sameData(a.data, b.data),
) as <R>(props: GridRowProps<R>) => ReactNode;

function gridFrameSx(height: number | undefined): SxProps<Theme> {
  return {
    position: 'relative',
    overflow: 'auto',
    ...(height === undefined ? { flex: 1, minHeight: 0 } : { height, flexShrink: 0 }),
    border: 1,
    borderColor: 'divider',
    borderRadius: 1,
    bgcolor: 'background.paper',
    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
    // The active row is marked only while the grid has keyboard focus, where it means "the keys act here".
    '&:focus-visible [data-active="true"]': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px' },
  };
}

/** Every row's and cell's style as rules of the row group, each column's own `cellSx` under its key. */
function rowGroupSx<R>(columns: readonly GridColumn<R>[], clickable: boolean): SxProps<Theme> {
  const cells: Record<string, unknown> = {};
  for (const c of columns) {
    if (c.cellSx && typeof c.cellSx === 'object' && !Array.isArray(c.cellSx)) cells[`& > [data-col="${c.key}"]`] = c.cellSx;
  }
  return {
    position: 'relative',
    '& > [role="row"]': {
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      display: 'grid',
      alignItems: 'center',
      borderBottom: 1,
      borderColor: 'divider',
      userSelect: clickable ? 'none' : undefined,
      // A row's size never depends on its cells (fixed height, full width): the browser lays out and paints
      // each row on its own when a search changes some of them.
      contain: 'strict',
      '& > [role="gridcell"]': { ...cellBase, justifyContent: 'flex-start' },
      '& > [data-align="right"]': { justifyContent: 'flex-end' },
      '& > [data-align="center"]': { justifyContent: 'center' },
      '& > [data-loading]': { display: 'block', height: 'auto', gridColumn: '1 / -1', px: 1 },
      ...cells,
      '&[aria-selected="true"]': { bgcolor: 'action.selected' },
      '&:hover': { bgcolor: 'action.hover' },
    },
  } as SxProps<Theme>;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;
const cellBase = { ...ellipsis, px: 1, fontSize: 14, display: 'flex', alignItems: 'center', gap: 0.5, height: '100%' } as const;
const justify = (align: GridColumn<unknown>['align']): string =>
  align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start';

// Text straight in a flex cell cannot be cut with an ellipsis; in a span it can.
const asCell = (content: ReactNode): ReactNode =>
  typeof content === 'string' || typeof content === 'number' ? <CellText>{content}</CellText> : content;

/**
 * A cell's text, cut with an ellipsis where the column is too narrow. A plain span with one shared style
 * object: it is in every cell of every row a search repaints, where a styled Box would redo its style work.
 */
export function CellText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span style={ellipsis} data-testid={testId}>
      {children}
    </span>
  );
}
