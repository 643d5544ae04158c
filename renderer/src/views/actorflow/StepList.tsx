// The steps and the failure cases as buttons: Tab to one, Enter runs it and shows it on the right.
import { Box, List, ListItem, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FailureId, FailureInfo, StepId, StepInfo } from '../../../../shared/contract/actorflow';
import { useActorFlowStore } from './actorflow-store';
import { statusOf } from './step-status';
import { StatusIcon } from './StatusIcon';

export function StepList({ steps, failures }: { steps: StepInfo[]; failures: FailureInfo[] }) {
  const { t } = useTranslation('actorflow');
  const results = useActorFlowStore((s) => s.results);
  const runs = useActorFlowStore((s) => s.runs);
  const running = useActorFlowStore((s) => s.running);
  const current = useActorFlowStore((s) => s.current);
  const busy = useActorFlowStore((s) => s.running !== null || s.runningAll);
  const runStep = useActorFlowStore((s) => s.runStep);
  const runFailure = useActorFlowStore((s) => s.runFailure);

  const item = (id: StepId | FailureId, label: string, available: boolean, reason: string | null, run: () => void) => {
    const status = statusOf(results[id], running === id);
    return (
      <ListItem key={id} disablePadding>
        <ListItemButton
          selected={current === id}
          disabled={!available || busy}
          onClick={run}
          aria-current={current === id ? 'step' : undefined}
          data-testid={`actorflow-run-${id}`}
          data-runs={runs[id] ?? 0}
          sx={{ py: 0.25 }}
        >
          <ListItemIcon sx={{ minWidth: 30 }}>
            <StatusIcon status={status} />
          </ListItemIcon>
          <ListItemText
            primary={label}
            secondary={available ? t(`status.${status}`) : reason}
            sx={{ my: 0.25 }}
            slotProps={{ primary: { variant: 'body2', sx: { lineHeight: 1.3 } }, secondary: { variant: 'caption' } }}
          />
        </ListItemButton>
      </ListItem>
    );
  };

  return (
    <Box component="section" aria-label={t('stepsHeading')}>
      <ListSubheader component="h3" id="actorflow-stepsHeading" sx={{ lineHeight: '36px' }}>
        {t('stepsHeading')}
      </ListSubheader>
      <List component="ol" dense disablePadding aria-labelledby="actorflow-stepsHeading">
        {steps.map((s, i) =>
          item(
            s.id,
            `${i + 1}. ${t(`steps.${s.id}.title`)}`,
            s.available,
            s.unavailableReason && t(`unavailable.${s.unavailableReason}`),
            () => void runStep(s.id),
          ),
        )}
      </List>
      <ListSubheader component="h3" id="actorflow-failuresHeading" sx={{ lineHeight: '36px' }}>
        {t('failuresHeading')}
      </ListSubheader>
      <List component="ul" dense disablePadding aria-labelledby="actorflow-failuresHeading">
        {failures.map((f) =>
          item(
            f.id,
            t(`failures.${f.id}.title`),
            f.available,
            f.unavailableReason && t(`unavailable.${f.unavailableReason}`),
            () => void runFailure(f.id),
          ),
        )}
      </List>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, pb: 1 }}>
        {t('failuresNote')}
      </Typography>
    </Box>
  );
}
