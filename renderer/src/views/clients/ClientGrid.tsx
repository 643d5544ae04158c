// The client list as an ARIA grid: only the rows in view exist in the DOM (@tanstack/react-virtual), and rows
// are fetched a page at a time, so 50 000 clients scroll as smoothly as 50. The grid itself holds focus and
// points at the active row with aria-activedescendant, so the keyboard works even for rows not yet rendered.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Box, Checkbox, Chip, Skeleton, Tooltip, Typography } from '@mui/material';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ClientQuery, ClientRow, SystemUserRow } from '../../../../shared/contract/clients';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { gestureOf, nextSelection, type SelectGesture } from './selection';
import type { ClientPages } from '../../api/query/clients';

// 30 px rows: at 1280×720 the grid shows at least 12 clients under the toolbar and the filters.
const ROW_HEIGHT = 30;
const COLUMN_COUNT = 8;
const COLUMN_KEYS = ['select', 'name', 'orgNumber', 'relationship', 'packages', 'delegatedTo', 'suggested', 'andRule'] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
/** Starting widths in fr of the free space; a column the user drags gets a fixed width in px instead. */
const FLEX: Record<ColumnKey, string> = {
  select: '40px',
  name: 'minmax(160px, 2fr)',
  orgNumber: '118px',
  relationship: '126px',
  packages: 'minmax(110px, 1.3fr)',
  delegatedTo: 'minmax(120px, 1.2fr)',
  suggested: 'minmax(110px, 1fr)',
  andRule: '96px',
};
const MIN_WIDTH = 56;

function template(widths: Partial<Record<ColumnKey, number>>): string {
  return COLUMN_KEYS.map((k) => (widths[k] !== undefined ? `${widths[k]}px` : FLEX[k])).join(' ');
}

type SortColumn = NonNullable<ClientQuery['sort']>;

export interface ClientGridProps {
  pages: ClientPages;
  query: ClientQuery;
  onSort(sort: SortColumn, direction: 'asc' | 'desc'): void;
  systemUsers: readonly SystemUserRow[];
  selection: readonly string[];
  onSelectionChange(next: string[]): void;
  /** Org numbers of rows `from`..`to` (inclusive) in the current order, loaded or not. */
  orgNumbersBetween(from: number, to: number): Promise<string[]>;
  onSelectAllFiltered(): void;
}

export function ClientGrid(props: ClientGridProps) {
  const { pages, query, systemUsers, selection, onSelectionChange } = props;
  const { t } = useTranslation('clients');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const total = pages.total ?? 0;
  const selected = useMemo(() => new Set(selection), [selection]);
  const titles = useMemo(() => new Map(systemUsers.map((su) => [su.id, su.title])), [systemUsers]);
  const [widths, setWidths] = useState<Partial<Record<ColumnKey, number>>>({});
  const columns = template(widths);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) pages.ensure(first, last);
  });
  // A new query starts at the top.
  useEffect(() => {
    setActive(0);
    setAnchor(null);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  async function select(index: number, gesture: SelectGesture): Promise<void> {
    const row = pages.rowAt(index);
    const from = anchor ?? index;
    const isRange = gesture === 'range' || gesture === 'range-add';
    const range = isRange ? await props.orgNumbersBetween(Math.min(from, index), Math.max(from, index)) : undefined;
    const orgNumber = row?.orgNumber ?? range?.[0];
    if (!orgNumber) return;
    onSelectionChange(nextSelection(selection, gesture, orgNumber, range));
    if (!isRange) setAnchor(index);
  }

  function moveTo(index: number, extend: boolean): void {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (extend) void select(next, 'range');
    else setAnchor(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (total === 0 || e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1, e.shiftKey),
      ArrowUp: () => moveTo(active - 1, e.shiftKey),
      PageDown: () => moveTo(active + page, e.shiftKey),
      PageUp: () => moveTo(active - page, e.shiftKey),
      Home: () => moveTo(0, e.shiftKey),
      End: () => moveTo(total - 1, e.shiftKey),
      ' ': () => void select(active, 'toggle'),
      Escape: () => onSelectionChange([]),
    };
    const action = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a' ? props.onSelectAllFiltered : keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  function onRowClick(e: MouseEvent, index: number): void {
    setActive(index);
    void select(index, gestureOf(e));
  }

  const activeRendered = items.some((i) => i.index === active);
  return (
    <Box
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMN_COUNT}
      aria-multiselectable="true"
      aria-describedby="client-grid-help"
      aria-activedescendant={activeRendered && total > 0 ? `client-row-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="client-grid"
      sx={{
        display: 'flex',
        flexDirection: 'column',
        flex: 1,
        minHeight: 0,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
        // The active row is marked only while the grid has keyboard focus, where it means "Space acts here".
        '&:focus-visible [data-active="true"]': { outline: '2px solid', outlineColor: 'primary.light', outlineOffset: '-2px' },
      }}
    >
      <Typography
        id="client-grid-help"
        variant="caption"
        sx={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {t('grid.keyboardHelp')}
      </Typography>
      <Box role="rowgroup">
        <HeaderRow query={query} onSort={props.onSort} columns={columns} onResize={(k, w) => setWidths((cur) => ({ ...cur, [k]: w }))} />
      </Box>
      {/* Focusable too, so the rows can be scrolled from the keyboard without entering the grid's own keys. */}
      <Box ref={scrollRef} role="rowgroup" tabIndex={0} aria-label={t('grid.label')} sx={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <Box
                key={item.key}
                id={`client-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row ? selected.has(row.orgNumber) : false}
                data-testid={row ? `client-row-${row.orgNumber}` : undefined}
                data-active={item.index === active}
                onClick={(e) => onRowClick(e, item.index)}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  alignItems: 'center',
                  borderBottom: 1,
                  borderColor: 'divider',
                  cursor: 'default',
                  userSelect: 'none',
                  bgcolor: row && selected.has(row.orgNumber) ? 'action.selected' : undefined,
                  '&:hover': { bgcolor: 'action.hover' },
                }}
              >
                {row ? (
                  <ClientCells
                    row={row}
                    checked={selected.has(row.orgNumber)}
                    titles={titles}
                    onToggle={(shift) => void select(item.index, shift ? 'range-add' : 'toggle')}
                  />
                ) : (
                  <Box role="gridcell" aria-colspan={COLUMN_COUNT} sx={{ gridColumn: '1 / -1', px: 1 }}>
                    <Skeleton variant="text" aria-label={t('grid.loading')} />
                  </Box>
                )}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}

function HeaderRow({
  query,
  onSort,
  columns,
  onResize,
}: {
  query: ClientQuery;
  onSort: ClientGridProps['onSort'];
  columns: string;
  onResize(column: ColumnKey, width: number): void;
}) {
  const { t } = useTranslation('clients');
  const sort = query.sort ?? 'name';
  const direction = query.direction ?? 'asc';
  const sortable = (column: SortColumn & ColumnKey, label: string) => {
    const current = sort === column;
    return (
      <Box
        role="columnheader"
        aria-sort={current ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
        sx={headerCell}
        title={label}
      >
        <Box
          component="button"
          type="button"
          onClick={() => onSort(column, current && direction === 'asc' ? 'desc' : 'asc')}
          aria-label={t('grid.sortBy', { column: label })}
          sx={{
            all: 'unset',
            cursor: 'pointer',
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            fontWeight: 600,
            '&:focus-visible': { outline: '2px solid' },
          }}
        >
          <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {label}
          </Box>
          {current && (direction === 'asc' ? <ArrowUpward sx={{ fontSize: 16 }} /> : <ArrowDownward sx={{ fontSize: 16 }} />)}
        </Box>
        <ResizeHandle column={column} label={label} onResize={onResize} />
      </Box>
    );
  };
  const plain = (column: ColumnKey, label: string) => (
    <Box role="columnheader" sx={{ ...headerCell, fontWeight: 600 }} title={label || undefined}>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {label}
      </Box>
      {label && <ResizeHandle column={column} label={label} onResize={onResize} />}
    </Box>
  );
  return (
    <Box
      role="row"
      aria-rowindex={1}
      sx={{
        display: 'grid',
        gridTemplateColumns: columns,
        borderBottom: 2,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        minHeight: 32,
        alignItems: 'center',
      }}
    >
      {plain('select', '')}
      {sortable('name', t('grid.name'))}
      {sortable('orgNumber', t('grid.orgNumber'))}
      {plain('relationship', t('grid.relationship'))}
      {plain('packages', t('grid.packages'))}
      {plain('delegatedTo', t('grid.delegatedTo'))}
      {plain('suggested', t('grid.suggested'))}
      {plain('andRule', t('grid.andRule'))}
    </Box>
  );
}

/**
 * A column's right edge: drag it with the mouse, or focus it and press the arrow keys (a separator with a
 * value, as ARIA describes a splitter), to make the column wider or narrower.
 */
function ResizeHandle({ column, label, onResize }: { column: ColumnKey; label: string; onResize(column: ColumnKey, width: number): void }) {
  const { t } = useTranslation('clients');
  const ref = useRef<HTMLDivElement>(null);
  const widthNow = (): number => ref.current?.parentElement?.getBoundingClientRect().width ?? 120;
  const set = (w: number) => onResize(column, Math.max(MIN_WIDTH, Math.round(w)));
  return (
    <Box
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={t('grid.resize', { column: label })}
      aria-valuenow={Math.round(widthNow())}
      aria-valuemin={MIN_WIDTH}
      tabIndex={0}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const startX = e.clientX;
        const startWidth = widthNow();
        const move = (ev: PointerEvent) => set(startWidth + ev.clientX - startX);
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        e.stopPropagation();
        set(widthNow() + (e.key === 'ArrowRight' ? 16 : -16));
      }}
      sx={{
        position: 'absolute',
        top: 4,
        bottom: 4,
        right: 0,
        width: 6,
        cursor: 'col-resize',
        borderRight: 2,
        borderColor: 'divider',
        '&:hover, &:focus-visible': { borderColor: 'primary.main' },
      }}
    />
  );
}

const headerCell = {
  position: 'relative',
  px: 1,
  fontSize: 14,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  display: 'flex',
  alignItems: 'center',
} as const;
const cell = { px: 1, fontSize: 14, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function ClientCells({
  row,
  checked,
  titles,
  onToggle,
}: {
  row: ClientRow;
  checked: boolean;
  titles: ReadonlyMap<string, string>;
  /** Shift held: the range from the last picked row is added, as in a mail client's list. */
  onToggle(shift: boolean): void;
}) {
  const { t } = useTranslation('clients');
  const title = (id: string) => titles.get(id) ?? id;
  const packageNames = row.packages.map((p) => t(`packages.${p}`, { defaultValue: p }));
  const delegated = row.delegatedTo.map(title).join(', ');
  const warning = row.andRuleGaps
    .map((g) =>
      t('grid.andRuleWarning', {
        systemUser: title(g.systemUserId),
        packages: g.missingPackages.map((p) => t(`packages.${p}`, { defaultValue: p })).join(', '),
      }),
    )
    .join(' · ');
  return (
    <>
      <Box role="gridcell" sx={{ px: 0.5 }} onClick={(e) => e.stopPropagation()}>
        <Checkbox
          size="small"
          sx={{ p: 0.5 }}
          checked={checked}
          // React fires a checkbox's change from its click, so the click's Shift key is on the native event.
          onChange={(e) => onToggle((e.nativeEvent as globalThis.MouseEvent).shiftKey === true)}
          tabIndex={-1}
          slotProps={{ input: { 'aria-label': t('grid.selectRow', { name: row.name }) } }}
        />
      </Box>
      <Box role="gridcell" sx={{ ...cell, display: 'flex', alignItems: 'center', gap: 0.75 }} title={row.name}>
        {/* Names come from outside: rendered as text only, never as markup. */}
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="client-name">
          {row.name}
        </Box>
        {row.isNew && <Chip size="small" color="info" label={t('grid.newClient')} />}
        {row.isSubUnit && <Chip size="small" variant="outlined" label={t('grid.subUnit')} />}
        {row.goneAt && <Chip size="small" color="warning" label={t('grid.gone')} />}
      </Box>
      <Box role="gridcell" sx={{ ...cell, fontVariantNumeric: 'tabular-nums' }} title={formatOrgNumber(row.orgNumber)}>
        {formatOrgNumber(row.orgNumber)}
      </Box>
      <Box role="gridcell" sx={{ ...cell, display: 'flex', gap: 0.5 }}>
        {row.relationships.map((r) => (
          <Tooltip key={r} title={t(`relationships.${r}`)}>
            <Chip size="small" label={r} />
          </Tooltip>
        ))}
      </Box>
      <Box role="gridcell" sx={cell} title={packageNames.join('\n')}>
        {packageNames.join(', ')}
      </Box>
      <Box role="gridcell" sx={{ ...cell, display: 'flex', gap: 0.5, alignItems: 'center' }} title={delegated}>
        {/* The first system access by name, the others as "+1": two long titles never hide each other. */}
        {row.delegatedTo.length > 0 && (
          <Chip size="small" variant="outlined" label={title(row.delegatedTo[0]!)} sx={{ minWidth: 0, flexShrink: 1 }} />
        )}
        {row.delegatedTo.length > 1 && (
          <Chip size="small" label={`+${row.delegatedTo.length - 1}`} aria-label={delegated} data-testid="delegated-more" />
        )}
      </Box>
      <Box role="gridcell" sx={cell} title={row.suggestedSystemUserId ? title(row.suggestedSystemUserId) : undefined}>
        {row.suggestedSystemUserId ? title(row.suggestedSystemUserId) : ''}
      </Box>
      <Box role="gridcell" sx={{ ...cell, textAlign: 'center' }}>
        {warning && (
          <Tooltip title={warning}>
            {/* titleAccess gives the icon a name screen readers read; MUI hides untitled icons from them. */}
            <WarningAmberRounded color="warning" fontSize="small" titleAccess={warning} data-testid="and-rule-warning" />
          </Tooltip>
        )}
      </Box>
    </>
  );
}
