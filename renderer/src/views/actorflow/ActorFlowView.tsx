// The actor-flow view: the example of client delegation played step by step, with every exchange shown.
import { useEffect } from 'react';
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Select, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useClientNames } from './use-client-names';
import { FAILURE_IDS, type FailureId } from '../../../../shared/contract/actorflow';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { useFlowOverview, useFlowReset, useTrafficExport } from '../../api/query/actorflow';
import { ErrorDetails } from '../../components/ErrorDetails';
import { saveTextFile } from '../../components/files';
import { useActorFlowStore, type Notice } from './actorflow-store';
import { SequenceDiagram } from './SequenceDiagram';
import { StepDetails } from './StepDetails';
import { StepList } from './StepList';

const isFailureId = (id: string): id is FailureId => (FAILURE_IDS as readonly string[]).includes(id);

export function ActorFlowView() {
  const { t } = useTranslation('actorflow');
  const { t: tc } = useTranslation();
  const store = useActorFlowStore();
  const { results, current, running, runningAll, client, notice, setClient } = store;
  const overviewQuery = useFlowOverview();
  const overview = overviewQuery.data ?? null;
  const reset = useFlowReset(store.cleared);
  const exportTraffic = useTrafficExport((file) => {
    store.saved(file.filename);
    saveTextFile(file.filename, file.content, 'application/json');
  });
  const problem: unknown = store.problem ?? reset.error ?? exportTraffic.error ?? overviewQuery.error;
  const names = useClientNames(overview?.clients.map((c) => c.orgNumber) ?? []);

  // The steps act on the overview's default client until the person picks another.
  const defaultClient = overview?.defaultClient ?? null;
  useEffect(() => {
    if (client === null && defaultClient !== null) setClient(defaultClient);
  }, [client, defaultClient, setClient]);

  const busy = running !== null || runningAll || reset.isPending || exportTraffic.isPending;
  const currentFailure = current && isFailureId(current) ? overview?.failures.find((f) => f.id === current) : undefined;
  const currentResult = current ? results[current] : undefined;

  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Box>
        <Typography variant="h5" component="h2">
          {t('title')}
        </Typography>
        <Typography color="text.secondary" sx={{ maxWidth: 880 }}>
          {t('intro')}
        </Typography>
        {overview && (
          <Typography variant="caption" color="text.secondary">
            {t('environmentNote', { environment: tc(`environment.${overview.environment}`) })}
          </Typography>
        )}
      </Box>

      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} role="toolbar" aria-label={t('title')}>
        {overview && overview.clients.length > 0 && (
          <FormControl size="small" sx={{ minWidth: 260 }}>
            <InputLabel id="actorflow-client-label">{t('client')}</InputLabel>
            <Select
              labelId="actorflow-client-label"
              label={t('client')}
              value={client ?? overview.defaultClient}
              disabled={busy}
              onChange={(e) => store.setClient(e.target.value)}
              data-testid="actorflow-client"
            >
              {overview.clients.map((c) => (
                <MenuItem key={c.orgNumber} value={c.orgNumber}>
                  {names.has(c.orgNumber)
                    ? t('clientOption', { name: names.get(c.orgNumber), orgNumber: formatOrgNumber(c.orgNumber) })
                    : formatOrgNumber(c.orgNumber)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
        {runningAll ? (
          <Button variant="outlined" color="warning" onClick={store.cancelRunAll}>
            {t('cancel')}
          </Button>
        ) : (
          <Button
            variant="contained"
            onClick={() => void store.runAll(overview?.steps ?? [])}
            disabled={busy || !overview?.steps.some((s) => s.available)}
          >
            {t('runAll')}
          </Button>
        )}
        <Button variant="outlined" onClick={() => reset.mutate('start')} disabled={busy}>
          {t('reset.start')}
        </Button>
        <Button variant="outlined" onClick={() => reset.mutate('ready')} disabled={busy}>
          {t('reset.ready')}
        </Button>
        <Button onClick={() => exportTraffic.mutate()} disabled={busy}>
          {t('saveTraffic')}
        </Button>
      </Box>

      <Box role="status" aria-live="polite" sx={{ minHeight: 0 }}>
        {notice && <NoticeLine notice={notice} />}
      </Box>
      {problem !== null && <ErrorDetails error={problem} />}

      {overview && (
        <Box sx={{ display: 'grid', gridTemplateColumns: '300px minmax(0, 1fr)', gap: 2, alignItems: 'start' }}>
          {/* The steps stay in reach while the details scroll. */}
          <Box
            sx={{
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              position: 'sticky',
              top: 8,
              maxHeight: 'calc(100vh - 112px)',
              overflowY: 'auto',
            }}
          >
            <StepList steps={overview.steps} failures={overview.failures} />
          </Box>
          <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
            <Box component="section" aria-label={t('diagramHeading')}>
              <Typography variant="subtitle1" component="h3">
                {t('diagramHeading')}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                {t('diagramLabel')}
              </Typography>
              <SequenceDiagram
                steps={overview.steps}
                results={results}
                current={current}
                failureShown={currentFailure ? (currentResult ?? null) : null}
              />
            </Box>
            {current ? (
              <StepDetails
                key={current}
                id={current}
                kind={currentFailure ? 'failure' : 'step'}
                result={currentResult}
                running={running === current}
                failure={currentFailure}
              />
            ) : (
              <Typography color="text.secondary">{t('notRunYet')}</Typography>
            )}
          </Box>
        </Box>
      )}
    </Box>
  );
}

function NoticeLine({ notice }: { notice: Notice }) {
  const { t } = useTranslation('actorflow');
  const text =
    notice.kind === 'saved'
      ? t('saved', { filename: notice.filename })
      : notice.kind === 'cancelled'
        ? t('cancelled')
        : notice.preset
          ? t('reset.done', { preset: notice.preset })
          : t('reset.cleared');
  return (
    <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
      {text}
    </Alert>
  );
}
