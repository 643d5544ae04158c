// The clients of one batch on the one virtual grid, filterable by state, with each failure's code and
// correlation id one click away.
// In a draft, rows can be selected (to remove them from the draft).
import { useCallback, useState } from 'react';
import { Box, Button, Checkbox, ClickAwayListener, IconButton, Paper, Popper, Tooltip, Typography } from '@mui/material';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../../shared/contract/batches';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { describeOutcome, type Language } from '../../../../shared/domain/outcomes';
import { VirtualGrid, type GridColumn } from '../../components/grid/VirtualGrid';
import { ItemStateChip } from './BatchStateChip';

function outcomeText(item: BatchItem, lang: Language): string {
  if (item.state === 'failed' && item.errorCode) return describeOutcome(item.errorCode, lang, { missingPackages: item.missingPackages });
  if (item.state === 'skipped' && item.skipReason) return describeOutcome(item.skipReason, lang);
  return '';
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const hasDetails = (item: BatchItem): boolean => item.errorCode !== null || item.correlationId !== null;

function DetailLine({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('batches');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" sx={{ minWidth: 140 }} color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
        {value}
      </Typography>
      <Tooltip title={t('items.copy')}>
        <IconButton size="small" aria-label={`${t('items.copy')}: ${label}`} onClick={() => void navigator.clipboard?.writeText(value)}>
          <ContentCopyOutlined fontSize="inherit" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}

/** The org numbers chosen in the table, when its rows can be chosen. */
export interface ItemSelection {
  selected: ReadonlySet<string>;
  onChange(next: ReadonlySet<string>): void;
}

function SelectAllShown({ items, selection }: { items: readonly BatchItem[]; selection: ItemSelection }) {
  const { t } = useTranslation('batches');
  const chosen = items.filter((i) => selection.selected.has(i.orgNumber)).length;
  return (
    <Checkbox
      size="small"
      checked={items.length > 0 && chosen === items.length}
      indeterminate={chosen > 0 && chosen < items.length}
      onChange={(e) => selection.onChange(new Set(e.target.checked ? items.map((i) => i.orgNumber) : []))}
      slotProps={{ input: { 'aria-label': t('items.selectAllShown') } }}
      data-testid="items-select-all"
    />
  );
}

const ROW_HEIGHT = 36;

export function ItemTable({
  items,
  total,
  onMore,
  selection,
}: {
  items: BatchItem[];
  total: number;
  onMore: () => void;
  selection?: ItemSelection;
}) {
  const { t, i18n } = useTranslation('batches');
  const lang: Language = i18n.language === 'en' ? 'en' : 'nb';
  const [details, setDetails] = useState<{ item: BatchItem; anchor: HTMLElement } | null>(null);
  const more = items.length < total;
  // Scrolling to the last rows asks for the next ones, as "Show more" does.
  const onVisibleRange = useCallback(
    (_first: number, last: number) => {
      if (more && last >= items.length - 1) onMore();
    },
    [more, items.length, onMore],
  );

  if (items.length === 0) return <Typography color="text.secondary">{t('items.none')}</Typography>;
  const columns: GridColumn<BatchItem>[] = [
    ...(selection
      ? [
          {
            key: 'select',
            label: '',
            min: 44,
            cellSx: { px: 0.5 },
            header: <SelectAllShown items={items} selection={selection} />,
            cell: (item: BatchItem) => (
              <Checkbox
                size="small"
                sx={{ p: 0.5 }}
                checked={selection.selected.has(item.orgNumber)}
                onChange={() => selection.onChange(toggled(selection.selected, item.orgNumber))}
                slotProps={{ input: { 'aria-label': t('items.select', { org: formatOrgNumber(item.orgNumber) }) } }}
              />
            ),
          },
        ]
      : []),
    {
      key: 'details',
      label: '',
      min: 44,
      cellSx: { px: 0.5 },
      cell: (item) =>
        hasDetails(item) ? (
          <IconButton
            size="small"
            aria-expanded={details?.item.id === item.id}
            aria-controls={details?.item.id === item.id ? 'item-details' : undefined}
            aria-label={t('items.showDetails', { org: formatOrgNumber(item.orgNumber) })}
            onClick={(e) => {
              const anchor = e.currentTarget;
              setDetails((open) => (open?.item.id === item.id ? null : { item, anchor }));
            }}
          >
            <ExpandMoreOutlined fontSize="small" />
          </IconButton>
        ) : null,
    },
    // Org numbers in a fixed column in their "### ### ###" form: they never wrap or get cut.
    {
      key: 'orgNumber',
      label: t('items.orgNumber'),
      min: 112,
      shrinkTo: 112,
      cellSx: { fontVariantNumeric: 'tabular-nums' },
      cell: (i) => formatOrgNumber(i.orgNumber),
    },
    { key: 'name', label: t('items.name'), min: 150, grow: 2, title: (i) => i.name ?? '', cell: (i) => i.name ?? '' },
    { key: 'operation', label: t('items.operation'), min: 100, grow: 0.6, cell: (i) => t(`operation.${i.operation}`) },
    { key: 'state', label: t('items.state'), min: 110, cell: (i) => <ItemStateChip state={i.state} /> },
    { key: 'outcome', label: t('items.outcome'), min: 150, grow: 2, title: (i) => outcomeText(i, lang), cell: (i) => outcomeText(i, lang) },
    { key: 'attempts', label: t('items.attempts'), min: 72, align: 'right', cell: (i) => i.attempts },
  ];
  return (
    <>
      <VirtualGrid<BatchItem>
        label={t('items.label')}
        idPrefix="batch-item"
        testId="batch-items"
        columns={columns}
        rowCount={items.length}
        rowAt={(index) => items[index]}
        rowHeight={ROW_HEIGHT}
        maxHeight={440}
        loadingLabel={t('items.label')}
        onVisibleRange={onVisibleRange}
        rowAttributes={(item) => ({
          testId: 'batch-item',
          selected: item ? (selection?.selected.has(item.orgNumber) ?? false) : false,
          data: item ? { state: item.state } : undefined,
        })}
      />
      {/* Not modal: the code and id stay beside the table while the person goes on (a click elsewhere closes it). */}
      <Popper open={details !== null} anchorEl={details?.anchor} placement="bottom-start" sx={{ zIndex: 'modal' }}>
        {details && (
          <ClickAwayListener onClickAway={() => setDetails(null)}>
            <Paper
              id="item-details"
              elevation={4}
              sx={{ p: 2 }}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                details.anchor.focus();
                setDetails(null);
              }}
            >
              {details.item.errorCode && <DetailLine label={t('items.code')} value={details.item.errorCode} />}
              {details.item.correlationId && <DetailLine label={t('items.correlationId')} value={details.item.correlationId} />}
            </Paper>
          </ClickAwayListener>
        )}
      </Popper>
      {more && (
        <Button onClick={onMore} sx={{ alignSelf: 'flex-start' }}>
          {t('items.more')} ({items.length} / {total})
        </Button>
      )}
    </>
  );
}
