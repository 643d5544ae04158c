// The clients of one batch, filterable by state, with each failure's code and correlation id one click away.
// In a draft, rows can be selected (to remove them from the draft).
import { Fragment, useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Collapse,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import { useTranslation } from 'react-i18next';
import type { BatchItem } from '../../../../shared/contract/batches';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { describeOutcome, type Language } from '../../../../shared/domain/outcomes';
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
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number): void => setOpen((prev) => toggled(prev, id));

  if (items.length === 0) return <Typography color="text.secondary">{t('items.none')}</Typography>;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={t('items.label')} data-testid="batch-items">
          <TableHead>
            <TableRow>
              {selection && (
                <TableCell padding="checkbox">
                  <SelectAllShown items={items} selection={selection} />
                </TableCell>
              )}
              <TableCell sx={{ width: 48 }} />
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('items.orgNumber')}</TableCell>
              <TableCell>{t('items.name')}</TableCell>
              <TableCell>{t('items.operation')}</TableCell>
              <TableCell>{t('items.state')}</TableCell>
              <TableCell>{t('items.outcome')}</TableCell>
              <TableCell align="right">{t('items.attempts')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <Fragment key={item.id}>
                <TableRow data-testid="batch-item" data-state={item.state} selected={selection?.selected.has(item.orgNumber) ?? false}>
                  {selection && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        size="small"
                        checked={selection.selected.has(item.orgNumber)}
                        onChange={() => selection.onChange(toggled(selection.selected, item.orgNumber))}
                        slotProps={{ input: { 'aria-label': t('items.select', { org: formatOrgNumber(item.orgNumber) }) } }}
                      />
                    </TableCell>
                  )}
                  <TableCell>
                    {hasDetails(item) && (
                      <IconButton
                        size="small"
                        aria-expanded={open.has(item.id)}
                        aria-controls={`item-details-${item.id}`}
                        aria-label={t('items.showDetails', { org: formatOrgNumber(item.orgNumber) })}
                        onClick={() => toggle(item.id)}
                      >
                        <ExpandMoreOutlined fontSize="small" sx={{ transform: open.has(item.id) ? 'rotate(180deg)' : 'none' }} />
                      </IconButton>
                    )}
                  </TableCell>
                  <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatOrgNumber(item.orgNumber)}</TableCell>
                  <TableCell>{item.name ?? ''}</TableCell>
                  <TableCell>{t(`operation.${item.operation}`)}</TableCell>
                  <TableCell>
                    <ItemStateChip state={item.state} />
                  </TableCell>
                  <TableCell>{outcomeText(item, lang)}</TableCell>
                  <TableCell align="right">{item.attempts}</TableCell>
                </TableRow>
                {hasDetails(item) && (
                  <TableRow>
                    <TableCell colSpan={selection ? 8 : 7} sx={{ py: 0, borderBottom: open.has(item.id) ? undefined : 'none' }}>
                      <Collapse in={open.has(item.id)} unmountOnExit>
                        <Box id={`item-details-${item.id}`} sx={{ py: 1 }}>
                          {item.errorCode && <DetailLine label={t('items.code')} value={item.errorCode} />}
                          {item.correlationId && <DetailLine label={t('items.correlationId')} value={item.correlationId} />}
                        </Box>
                      </Collapse>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {items.length < total && (
        <Button onClick={onMore} sx={{ alignSelf: 'flex-start' }}>
          {t('items.more')} ({items.length} / {total})
        </Button>
      )}
    </>
  );
}
