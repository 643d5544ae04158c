// The one grid for every long list: only the rows in view exist in the DOM (@tanstack/react-virtual), the
// header stays on top while the rows scroll, columns resize by drag (or arrow keys on their edge) and cut
// their text with an ellipsis and a tooltip. The grid is one focusable scroll area that points at its active
// row with aria-activedescendant, so the keyboard works even for rows not yet rendered.
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
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
  const { t } = useTranslation();
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
    overscan: 12,
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
    scrollRef.current?.scrollTo({ top: 0 });
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

  const activeRendered = items.some((i) => i.index === active);
  const height =
    props.maxHeight === undefined ? undefined : Math.min(props.maxHeight, HEADER_HEIGHT + Math.max(1, rowCount) * rowHeight + 2);
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
      sx={{
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
      }}
    >
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
              {c.label && (
                <ResizeHandle
                  label={t('grid.resize', { column: c.label })}
                  onResize={(w) => setWidths((cur) => ({ ...cur, [c.key]: clampWidth(c, w) }))}
                />
              )}
            </Box>
          ))}
        </Box>
      </Box>
      {rowCount === 0 && props.empty && (
        <Box role="rowgroup">
          <Box role="row">
            <Box role="gridcell" aria-colspan={columns.length}>
              {props.empty}
            </Box>
          </Box>
        </Box>
      )}
      <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, position: 'relative', minWidth }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const attributes = props.rowAttributes?.(row, item.index) ?? {};
          const data = Object.fromEntries(Object.entries(attributes.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
          return (
            <Box
              key={item.key}
              id={`${idPrefix}-${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={attributes.selected}
              data-testid={attributes.testId}
              data-active={item.index === active}
              {...data}
              onClick={
                props.onRowClick
                  ? (e: MouseEvent) => {
                      setActive(item.index);
                      props.onRowClick?.(e, item.index);
                    }
                  : undefined
              }
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start - HEADER_HEIGHT}px)`,
                display: 'grid',
                gridTemplateColumns: template,
                alignItems: 'center',
                borderBottom: 1,
                borderColor: 'divider',
                userSelect: props.onRowClick ? 'none' : undefined,
                bgcolor: attributes.selected ? 'action.selected' : undefined,
                '&:hover': { bgcolor: 'action.hover' },
              }}
            >
              {row === undefined ? (
                <Box role="gridcell" aria-colspan={columns.length} sx={{ gridColumn: '1 / -1', px: 1 }}>
                  <Skeleton variant="text" aria-label={props.loadingLabel} />
                </Box>
              ) : (
                columns.map((c) => (
                  <Box
                    key={c.key}
                    role="gridcell"
                    title={c.title?.(row)}
                    sx={[{ ...cellBase, justifyContent: justify(c.align) }, ...(Array.isArray(c.cellSx) ? c.cellSx : [c.cellSx])]}
                  >
                    {asCell(c.cell(row, item.index))}
                  </Box>
                ))
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;
const cellBase = { ...ellipsis, px: 1, fontSize: 14, display: 'flex', alignItems: 'center', gap: 0.5, height: '100%' } as const;
const justify = (align: GridColumn<unknown>['align']): string =>
  align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start';

// Text straight in a flex cell cannot be cut with an ellipsis; in a span it can.
const asCell = (content: ReactNode): ReactNode =>
  typeof content === 'string' || typeof content === 'number' ? <CellText>{content}</CellText> : content;

/** A cell's text, cut with an ellipsis where the column is too narrow. */
export function CellText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box component="span" sx={ellipsis} data-testid={testId}>
      {children}
    </Box>
  );
}
