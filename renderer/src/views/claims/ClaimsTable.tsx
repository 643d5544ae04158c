import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Claim, ClientClaims } from '../../../../shared/contract/claims';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { ApiError } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useAppStore } from '../../state/app-store';
import { formatDate, nok } from './format';
import { codeLabel } from '../../i18n/code-label';

const COLUMNS = 7;
// Type, description, period, due date, remaining, KID, status: the KID's 14 digits and the amount stay whole.
const WIDTHS = ['20%', '22%', '10%', '11%', '12%', '15%', '10%'];
const cut = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** One group of rows per client, paged by client so a thousand-client answer stays quick to read and render. */
export function ClaimsTable({ clients }: { clients: ClientClaims[] }) {
  const { t } = useTranslation('claims');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const shown = clients.slice(page * perPage, (page + 1) * perPage);

  return (
    <Paper variant="outlined">
      <TableContainer>
        {/* Fixed layout: the columns share the pane and long texts are cut with a tooltip, so the table never
            grows wider than the pane it sits in. */}
        <Table size="small" aria-labelledby="claims-table-caption" data-testid="claims-table" sx={{ tableLayout: 'fixed', width: '100%' }}>
          <colgroup>
            {WIDTHS.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <caption id="claims-table-caption" style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>
            {t('table.caption')}
          </caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('table.type')}</TableCell>
              <TableCell scope="col">{t('table.description')}</TableCell>
              <TableCell scope="col">{t('table.period')}</TableCell>
              <TableCell scope="col">{t('table.dueDate')}</TableCell>
              <TableCell scope="col" align="right">
                {t('table.remaining')}
              </TableCell>
              <TableCell scope="col">{t('table.kid')}</TableCell>
              <TableCell scope="col">{t('table.status')}</TableCell>
            </TableRow>
          </TableHead>
          {shown.map((client) => (
            <ClientRows key={client.orgNumber} client={client} />
          ))}
        </Table>
      </TableContainer>
      {clients.length > 10 && (
        <TablePagination
          component="div"
          count={clients.length}
          page={Math.min(page, Math.max(0, Math.ceil(clients.length / perPage) - 1))}
          onPageChange={(_, p) => setPage(p)}
          rowsPerPage={perPage}
          rowsPerPageOptions={[10, 25, 100]}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage={t('table.rowsPerPage')}
        />
      )}
    </Paper>
  );
}

function ClientRows({ client }: { client: ClientClaims }) {
  const { t, i18n } = useTranslation('claims');
  const lang = i18n.language;
  const title = client.name ? `${client.name} (${formatOrgNumber(client.orgNumber)})` : formatOrgNumber(client.orgNumber);
  return (
    <TableBody data-testid={`claims-client-${client.orgNumber}`}>
      <TableRow sx={{ bgcolor: 'action.hover' }}>
        <TableCell component="th" scope="rowgroup" colSpan={COLUMNS}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
            <Typography variant="subtitle2" component="span">
              {title}
            </Typography>
            <Chip
              size="small"
              label={
                client.outcome === 'not_delegated' && client.name === null ? t('outcome.not_a_client') : t(`outcome.${client.outcome}`)
              }
              color={outcomeColour(client.outcome)}
              variant="outlined"
              // The border carries the colour; the label stays in the text colour, since the palette's orange and
              // light blue do not reach 4.5:1 against white.
              sx={{ color: 'text.primary' }}
            />
            {client.totals && client.outcome === 'ok' && (
              <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="client-totals">
                {t('table.clientTotals', {
                  balance: nok(client.totals.balance, lang),
                  overdue: nok(client.totals.overdue, lang),
                  interest: nok(client.totals.interest, lang),
                })}
                {client.totals.unplacedPayments !== 0 && ` · ${t('table.unplaced', { amount: nok(client.totals.unplacedPayments, lang) })}`}
              </Typography>
            )}
          </Box>
        </TableCell>
      </TableRow>
      {client.outcome === 'ok' ? (
        client.claims.map((claim) => <ClaimRow key={`${claim.claimId}/${claim.instalmentId}`} claim={claim} />)
      ) : (
        <TableRow>
          <TableCell colSpan={COLUMNS}>
            <OutcomeMessage client={client} />
          </TableCell>
        </TableRow>
      )}
    </TableBody>
  );
}

function ClaimRow({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation('claims');
  return (
    <TableRow>
      <TableCell title={codeLabel(t, 'claimTypes', claim.type)} sx={cut}>
        {codeLabel(t, 'claimTypes', claim.type)}
      </TableCell>
      <TableCell title={claim.description} sx={cut}>
        {claim.description}
      </TableCell>
      <TableCell sx={cut}>{claim.period}</TableCell>
      <TableCell>{claim.dueDate ? formatDate(claim.dueDate, i18n.language) : t('table.noDueDate')}</TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {nok(claim.remainingAmount, i18n.language)}
      </TableCell>
      <TableCell sx={{ ...cut, fontFamily: 'monospace' }} title={claim.kid ?? undefined}>
        {claim.kid ?? ''}
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          {claim.overdue ? (
            <Chip size="small" color="error" label={t('table.overdue')} />
          ) : (
            <Chip size="small" variant="outlined" label={t('table.notDue')} />
          )}
          {claim.deferred && <Chip size="small" color="info" variant="outlined" label={t('table.deferred')} />}
        </Box>
      </TableCell>
    </TableRow>
  );
}

function OutcomeMessage({ client }: { client: ClientClaims }) {
  const { t } = useTranslation('claims');
  const setSelection = useAppStore((s) => s.setSelection);
  const setView = useAppStore((s) => s.setView);
  switch (client.outcome) {
    case 'none':
      return <Typography variant="body2">{t('none')}</Typography>;
    case 'withheld':
      return <Alert severity="info">{t('withheld')}</Alert>;
    case 'not_delegated':
      // Skatteetaten says only "not delegated"; if the local copy does not know the org number at all, the
      // honest answer is that it is not a client of the firm, and there is nothing to delegate.
      if (client.name === null)
        return (
          <Alert severity="info" data-testid="claims-not-a-client">
            {t('notAClient')}
          </Alert>
        );
      return (
        <Alert
          severity="warning"
          data-testid="claims-not-delegated"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                // The client list opens with this client selected, ready for the delegation wizard.
                setSelection([client.orgNumber]);
                setView('clients');
              }}
            >
              {t('delegate')}
            </Button>
          }
        >
          {t('notDelegated')} ({client.error?.code})
        </Alert>
      );
    default:
      return client.error ? (
        <ErrorDetails
          error={
            new ApiError({ code: client.error.code, message: client.error.message, details: { correlationId: client.error.correlationId } })
          }
        />
      ) : null;
  }
}

function outcomeColour(outcome: ClientClaims['outcome']): 'default' | 'success' | 'warning' | 'error' | 'info' {
  switch (outcome) {
    case 'ok':
      return 'default';
    case 'none':
      return 'success';
    case 'not_delegated':
      return 'warning';
    case 'withheld':
      return 'info';
    case 'error':
      return 'error';
  }
}
