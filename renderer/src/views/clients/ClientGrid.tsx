// The client list on the one virtual grid: rows come a page at a time from the local copy, so 50 000 clients
// scroll as smoothly as 50; selection by click, Shift/Ctrl-click, the keyboard and the row checkboxes.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ClientQuery, ClientRow, SystemUserRow } from '../../../../shared/contract/clients';
import type { ClientPages } from '../../api/query/clients';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import { clientColumns } from './client-columns';
import { gestureOf, nextSelection, type SelectGesture } from './selection';

// 30 px rows: at 1280×720 the grid shows at least 12 clients under the toolbar and the filters.
const ROW_HEIGHT = 30;

type SortColumn = NonNullable<ClientQuery['sort']>;

const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const;

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
  const [anchor, setAnchor] = useState<number | null>(null);
  const selected = useMemo(() => new Set(selection), [selection]);
  const titles = useMemo(() => new Map(systemUsers.map((su) => [su.id, su.title])), [systemUsers]);
  // A new query starts with no anchor for Shift-selection.
  const [anchorQuery, setAnchorQuery] = useState(query);
  if (anchorQuery !== query) {
    setAnchorQuery(query);
    setAnchor(null);
  }

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

  // The columns change only with what they show (sort, selection, titles, language): rows whose client is
  // unchanged then skip re-rendering. Their handlers reach the latest state through a ref.
  const handlers = useRef({ onSort: props.onSort, select });
  useLayoutEffect(() => {
    handlers.current = { onSort: props.onSort, select };
  });
  const sort = query.sort;
  const direction = query.direction;
  const columns = useMemo(
    () =>
      clientColumns({
        t,
        query: { sort, direction },
        onSort: (s, d) => handlers.current.onSort(s, d),
        isSelected: (org) => selected.has(org),
        onToggle: (index, shift) => void handlers.current.select(index, shift ? 'range-add' : 'toggle'),
        systemUserTitle: (id) => titles.get(id) ?? id,
      }),
    [t, sort, direction, selected, titles],
  );

  function onGridKey(e: KeyboardEvent, active: number): boolean {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') props.onSelectAllFiltered();
    else if (e.key === ' ') void select(active, 'toggle');
    else if (e.key === 'Escape') onSelectionChange([]);
    else return false;
    return true;
  }

  const { ensure } = pages;
  const onVisibleRange = useCallback((first: number, last: number) => ensure(first, last), [ensure]);
  return (
    <>
      <Typography id="client-grid-help" variant="caption" sx={visuallyHidden}>
        {t('grid.keyboardHelp')}
      </Typography>
      <VirtualGrid<ClientRow>
        label={t('grid.label')}
        idPrefix="client-row"
        testId="client-grid"
        describedBy="client-grid-help"
        multiselectable
        columns={columns}
        rowCount={pages.total ?? 0}
        rowAt={pages.rowAt}
        rowHeight={ROW_HEIGHT}
        resetKey={query}
        loadingLabel={t('grid.loading')}
        onVisibleRange={onVisibleRange}
        rowAttributes={(row) => ({
          testId: row ? `client-row-${row.orgNumber}` : undefined,
          selected: row ? selected.has(row.orgNumber) : false,
        })}
        onRowClick={(e: MouseEvent, index) => void select(index, gestureOf(e))}
        onActiveMove={(index, extend) => (extend ? void select(index, 'range') : setAnchor(index))}
        onGridKey={onGridKey}
      />
    </>
  );
}
