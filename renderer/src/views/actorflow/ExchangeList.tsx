// The accessible record of a step: one expandable entry per exchange with its bodies and decoded tokens.
// Every string here came from a service or a token: it is rendered as text, never as markup.
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DecodedJwt, Exchange } from '../../../../shared/contract/actorflow';
import { pathOf, readableBody } from './exchange-format';

const mono = {
  fontFamily: 'monospace',
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  m: 0,
  p: 1,
  bgcolor: 'action.hover',
  borderRadius: 1,
} as const;

export function ExchangeList({ exchanges }: { exchanges: Exchange[] }) {
  const { t } = useTranslation('actorflow');
  if (exchanges.length === 0) return <Typography color="text.secondary">{t('noExchanges')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('exchangesHeading')} data-testid="actorflow-exchanges">
      {exchanges.map((e) => (
        <Box component="li" key={e.id}>
          <ExchangeEntry exchange={e} />
        </Box>
      ))}
    </Box>
  );
}

function ExchangeEntry({ exchange: e }: { exchange: Exchange }) {
  const { t } = useTranslation('actorflow');
  const status = e.status === null ? t('exchange.noAnswer') : String(e.status);
  const failed = e.status === null || e.status >= 400;
  return (
    <Accordion disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('exchange.from', { from: t(`actorsShort.${e.from}`), to: t(`actorsShort.${e.to}`) })}
          </Typography>
          {e.kind === 'internal' && <Chip size="small" variant="outlined" label={t('exchange.internal')} />}
          <Typography
            variant="body2"
            sx={{ fontFamily: 'monospace', color: failed ? 'error.main' : 'text.primary', wordBreak: 'break-all' }}
          >
            {t('exchange.summary', { method: e.method, path: pathOf(e.url), status, ms: e.durationMs })}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails sx={{ display: 'grid', gap: 1 }}>
        <Typography variant="caption" sx={{ wordBreak: 'break-all' }}>
          {e.url}
        </Typography>
        {e.error && <Typography color="error">{e.error}</Typography>}
        <Body label={t('exchange.request')} body={e.requestBody} />
        <Body label={t('exchange.response')} body={e.responseBody} />
        {e.decoded.map((d, i) => (
          <DecodedToken key={i} token={d} />
        ))}
      </AccordionDetails>
    </Accordion>
  );
}

function Body({ label, body }: { label: string; body: string | null }) {
  const { t } = useTranslation('actorflow');
  return (
    <Box>
      <Typography variant="subtitle2" component="h5">
        {label}
      </Typography>
      <Box component="pre" sx={mono}>
        {body === null || body.trim() === '' ? t('exchange.empty') : readableBody(body)}
      </Box>
    </Box>
  );
}

function DecodedToken({ token }: { token: DecodedJwt }) {
  const { t } = useTranslation('actorflow');
  return (
    <Box data-testid="actorflow-decoded" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
      <Typography variant="subtitle2" component="h5">
        {t('exchange.decoded', { label: token.label })}
      </Typography>
      <Typography variant="caption">{t('exchange.header')}</Typography>
      <Box component="pre" sx={mono}>
        {JSON.stringify(token.header, null, 2)}
      </Box>
      <Typography variant="caption">{t('exchange.claims')}</Typography>
      <Box component="pre" sx={mono}>
        {JSON.stringify(token.claims, null, 2)}
      </Box>
    </Box>
  );
}
