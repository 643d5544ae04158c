// The chosen step or case: what it means in plain words, where it stopped and why, and what it showed.
import { Alert, AlertTitle, Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describe-error';
import { codeLabel } from '../../i18n/code-label';
import type { Fact, FailureInfo, StepResult } from '../../../../shared/contract/actorflow';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { formatMoney, formatNumber } from '../../../../shared/format/format';
import { ExchangeList } from './ExchangeList';
import { statusColor, statusOf } from './step-status';

/** Facts whose value is itself a text key of this view rather than data. */
const WORDED_FACTS = new Set(['keySource', 'requestOutcome', 'note']);
const ORG_NUMBER_FACTS = new Set([
  'clientOrgNumber',
  'claimsFor',
  'systemUserOrg',
  'consumerOrg',
  'partyOrgNo',
  'competentAuthority',
  'scopeGrantedTo',
]);
/** Amounts and counts reach the renderer as plain numbers; they are worded like every other screen's. */
const MONEY_FACTS = new Set(['overdue', 'notDue', 'balance']);
const COUNT_FACTS = new Set(['expiresIn', 'claimCount', 'availableClients']);

const isNumber = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));

interface Props {
  id: string;
  kind: 'step' | 'failure';
  result: StepResult | undefined;
  running: boolean;
  failure?: FailureInfo;
}

export function StepDetails({ id, kind, result, running, failure }: Props) {
  const { t } = useTranslation('actorflow');
  const base = kind === 'step' ? `steps.${id}` : `failures.${id}`;
  const status = statusOf(result, running);
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="actorflow-details">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          {codeLabel(t, base, 'title')}
        </Typography>
        <Chip size="small" color={statusColor(status)} label={t(`status.${status}`)} data-testid="actorflow-status" />
      </Box>
      <Typography>{codeLabel(t, base, 'caption')}</Typography>
      {failure && (
        <Typography variant="body2" color="text.secondary">
          {t('expectedStop', { actor: t(`actors.${failure.stopsAt}`), code: failure.code })}
        </Typography>
      )}
      {result?.error && <StopNotice result={result} />}
      {result && result.facts.length > 0 && <Facts facts={result.facts} />}
      {result && (
        <Box>
          <Typography variant="subtitle1" component="h4" sx={{ mb: 0.5 }}>
            {t('exchangesHeading')}
          </Typography>
          <ExchangeList exchanges={result.exchanges} />
        </Box>
      )}
    </Box>
  );
}

function StopNotice({ result }: { result: StepResult }) {
  const { t } = useTranslation('actorflow');
  const error = result.error!;
  const explained = t(`codes.${error.code}`, { defaultValue: '' });
  return (
    <Alert severity={result.asExpected ? 'info' : 'error'} role="alert" data-testid="actorflow-stop">
      <AlertTitle>
        {result.stoppedAt ? t('stoppedAt', { actor: t(`actors.${result.stoppedAt}`) }) : t('status.failed')} · <code>{error.code}</code>
      </AlertTitle>
      {explained && <Typography variant="body2">{explained}</Typography>}
      <Typography variant="body2" color="text.secondary">
        {describeError(error, t).text}
        {error.correlationId ? ` (${error.correlationId})` : ''}
      </Typography>
    </Alert>
  );
}

function Facts({ facts }: { facts: Fact[] }) {
  const { t, i18n } = useTranslation('actorflow');
  const shown = (f: Fact): string => {
    if (WORDED_FACTS.has(f.key)) return t(`values.${f.value}`, { defaultValue: f.value });
    if (ORG_NUMBER_FACTS.has(f.key)) return formatOrgNumber(f.value);
    if (MONEY_FACTS.has(f.key) && isNumber(f.value)) return formatMoney(Number(f.value), i18n.language);
    if (COUNT_FACTS.has(f.key) && isNumber(f.value)) return formatNumber(Number(f.value), i18n.language);
    return f.value;
  };
  return (
    <Box component="section" aria-label={t('factsHeading')}>
      <Typography variant="subtitle1" component="h4">
        {t('factsHeading')}
      </Typography>
      <Box
        component="dl"
        data-testid="actorflow-facts"
        sx={{ display: 'grid', gridTemplateColumns: 'minmax(180px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        {facts.map((f, i) => (
          <Box key={i} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {t(`facts.${f.key}`, { defaultValue: f.key })}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }} data-fact={f.key}>
              {shown(f)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
