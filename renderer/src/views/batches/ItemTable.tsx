// The clients of one batch, filterable by state, with each failure's code and correlation id one click away.
import { Fragment, useState } from 'react';
import {
  Box,
  Button,
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

export function ItemTable({ items, total, onMore }: { items: BatchItem[]; total: number; onMore: () => void }) {
  const { t, i18n } = useTranslation('batches');
  const lang: Language = i18n.language === 'en' ? 'en' : 'nb';
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number): void =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (items.length === 0) return <Typography color="text.secondary">{t('items.none')}</Typography>;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label={t('items.label')} data-testid="batch-items">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 48 }} />
              <TableCell>{t('items.orgNumber')}</TableCell>
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
                <TableRow data-testid="batch-item" data-state={item.state}>
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
                  <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{formatOrgNumber(item.orgNumber)}</TableCell>
                  <TableCell>{item.name ?? ''}</TableCell>
                  <TableCell>{t(`operation.${item.operation}`)}</TableCell>
                  <TableCell>
                    <ItemStateChip state={item.state} />
                  </TableCell>
                  <TableCell>
                    {outcomeText(item, lang)}
                    {item.errorCode && (
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontFamily: 'monospace' }}>
                        {item.errorCode}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{item.attempts}</TableCell>
                </TableRow>
                {hasDetails(item) && (
                  <TableRow>
                    <TableCell colSpan={7} sx={{ py: 0, borderBottom: open.has(item.id) ? undefined : 'none' }}>
                      <Collapse in={open.has(item.id)} unmountOnExit>
                        <Box id={`item-details-${item.id}`} sx={{ py: 1 }}>
                          {item.errorCode && <DetailLine label={t('items.code')} value={item.errorCode} />}
                          {item.correlationId && <DetailLine label={t('items.correlationId')} value={item.correlationId} />}
                          {item.errorMessage && <DetailLine label={t('items.serviceMessage')} value={item.errorMessage} />}
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
