import { useEffect, useState } from 'react';
import { Alert, Button, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared/contract/proposals';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { BatchStateChip } from './BatchStateChip';
import { ProposalRulesDialog } from './ProposalRulesDialog';

/** "Proposals after sync": drafts the last syncs prepared, for a person to open, review and submit. */
export function ProposalsPanel({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useTranslation('batches');
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editingRules, setEditingRules] = useState(false);

  useEffect(() => {
    let live = true;
    call('proposals.list', {}).then(
      (list) => live && setProposals(list),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  if (error) return <ErrorDetails error={error} title={t('proposals.failed')} />;
  if (!proposals) return null;
  const open = proposals.filter((p) => p.batch.state === 'draft' || p.submittedUnattended);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="proposals-title" sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="proposals-title" variant="h6" component="h3">
            {t('proposals.title')}
          </Typography>
          <Button size="small" onClick={() => setEditingRules(true)} data-testid="proposal-rules">
            {t('proposals.rulesButton')}
          </Button>
        </Stack>
        {editingRules && <ProposalRulesDialog onClose={() => setEditingRules(false)} />}
        {open.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('proposals.none')}
          </Typography>
        ) : (
          <>
            <Alert severity="info">{t('proposals.review')}</Alert>
            <List dense aria-labelledby="proposals-title">
              {open.map((p) => (
                <ListItem
                  key={p.batch.id}
                  secondaryAction={
                    <Button size="small" onClick={() => onOpen(p.batch.id)}>
                      {p.batch.state === 'draft' ? t('proposals.reviewButton') : t('proposals.openButton')}
                    </Button>
                  }
                >
                  <ListItemText
                    primary={p.batch.name}
                    secondary={t(p.kind === 'new_clients' ? 'proposals.newClients' : 'proposals.departedClients', {
                      count: p.batch.counts.total,
                      systemUser: p.batch.systemUserTitle || p.batch.systemUserId,
                    })}
                  />
                  <BatchStateChip state={p.batch.state} pauseReason={p.batch.pauseReason} />
                  {p.submittedUnattended && (
                    <Typography variant="caption" sx={{ ml: 1 }}>
                      {t('proposals.unattended')}
                    </Typography>
                  )}
                </ListItem>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  );
}
