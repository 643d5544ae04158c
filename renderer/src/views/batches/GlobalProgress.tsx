// The batch in the works, visible from every view (mounted in the frame's status bar): how far it is, how
// fast it goes, and pause, resume, cancel and retry failed without leaving what you are doing.
import { useEffect, useState } from 'react';
import { Box, LinearProgress, Link, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchProgress } from '../../../../shared/contract/batches';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useAppStore } from '../../state/app-store';
import { onSessionChanged } from '../../state/session-change';
import { BatchStateChip } from './BatchStateChip';
import { formatDuration, percentDone, timeOfDay } from './format';
import { isInProgress, listenForProgress, useBatchProgress } from './progress-store';
import { RunActionButtons } from './RunActionButtons';

const PRIORITY: Record<string, number> = { running: 0, paused: 1, queued: 2 };

function mostRelevant(all: BatchProgress[]): BatchProgress[] {
  return all.filter(isInProgress).sort((a, b) => (PRIORITY[a.state] ?? 9) - (PRIORITY[b.state] ?? 9));
}

export function GlobalProgress() {
  const { t, i18n } = useTranslation('batches');
  const byId = useBatchProgress((s) => s.byId);
  const focus = useBatchProgress((s) => s.focus);
  const setView = useAppStore((s) => s.setView);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => listenForProgress(), []);
  useEffect(() => onSessionChanged(() => setError(null)), []);

  const active = mostRelevant(Object.values(byId));
  const current = active[0];
  if (!current) return null;
  const { counts } = current;
  const details = [
    t('counts', { done: counts.done, total: counts.total }),
    current.throughputPerMinute > 0 && current.state === 'running'
      ? t('throughput', { rate: Math.round(current.throughputPerMinute) })
      : null,
    current.etaSeconds ? t('eta', { time: formatDuration(current.etaSeconds, i18n.language) }) : null,
    current.waitingUntil ? t('waiting', { time: timeOfDay(current.waitingUntil, i18n.language) }) : null,
  ].filter(Boolean);

  return (
    <Box
      component="section"
      aria-label={t('global.label')}
      data-testid="global-progress"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}
    >
      <Link
        component="button"
        variant="caption"
        underline="hover"
        onClick={() => {
          focus(current.batchId);
          setView('batches');
        }}
        aria-label={`${t('global.open')}: ${current.name}`}
        sx={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {current.name}
      </Link>
      <BatchStateChip state={current.state} pauseReason={current.pauseReason} />
      <LinearProgress
        variant="determinate"
        value={percentDone(counts)}
        aria-label={t('counts', { done: counts.done, total: counts.total })}
        sx={{ width: 120 }}
      />
      <Typography variant="caption" color="text.secondary" noWrap>
        {details.join(' · ')}
      </Typography>
      <RunActionButtons
        compact
        batch={{ id: current.batchId, name: current.name, state: current.state, counts }}
        onError={setError}
        onChanged={() => setError(null)}
      />
      {active.length > 1 && (
        <Typography variant="caption" color="text.secondary">
          {t('global.more', { count: active.length - 1 })}
        </Typography>
      )}
      {error !== null && (
        <Box sx={{ position: 'fixed', bottom: 48, right: 16, maxWidth: 480, zIndex: 1400 }}>
          <ErrorDetails error={error} onRetry={() => setError(null)} />
        </Box>
      )}
    </Box>
  );
}
