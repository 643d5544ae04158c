// Adds clients to a draft the way the wizard builds a new batch: pasted numbers or a file, every unreadable
// line shown, then a review against the draft's system user and operation from the local copy (so it works
// offline), and only the clients that are ready go in.
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { Operation } from '../../../../shared/domain/batch';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';
import { ErrorDetails } from '../../components/ErrorDetails';
import { PasteOrgNumbers, PickOrgNumberFile, usePastedList, type PickedFile } from '../../components/org-numbers/OrgNumberInputs';
import { reviewRows, sourceFromList } from '../../components/org-numbers/review-rows';
import { ReviewTable } from '../../components/org-numbers/ReviewTable';
import { loadDraftContents, readyOrgNumbers, withoutDraftItems } from './draft-edit';

type Source = 'paste' | 'file';

export function AddToDraftDialog({
  batch,
  onClose,
  onAdded,
}: {
  batch: BatchSummary;
  onClose(): void;
  onAdded(batch: BatchSummary, count: number): void;
}) {
  const { t } = useTranslation(['batches', 'common']);
  const contents = useQuery({
    queryKey: [...queryKeys.batches.detail(batch.id), 'contents'],
    queryFn: () => loadDraftContents(batch.id),
    // What the review leaves out must be the draft as it is now.
    staleTime: 0,
  });
  const draft = contents.data ?? null;
  const [chosenOperation, setChosenOperation] = useState<Operation>('add');
  const [source, setSource] = useState<Source>('paste');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<{ picked: PickedFile | null; problem: string | null }>({ picked: null, problem: null });
  const operation = draft?.operation ?? chosenOperation;
  const pastedList = usePastedList(pasted);
  const list = source === 'paste' ? pastedList : file.picked?.list;
  const canCheck = draft !== null && !!list && list.refusal === null && list.entries.length + list.errors.length > 0;
  const review = useMutation({
    mutationFn: async ({ list: checked, inDraft }: { list: NonNullable<typeof list>; inDraft: ReadonlySet<string> }) => {
      const reviewSource = sourceFromList(checked);
      const items = await call('batches.review', {
        systemUserId: batch.systemUserId,
        operation,
        orgNumbers: reviewSource.inputs.map((i) => i.input),
      });
      return withoutDraftItems(reviewRows(reviewSource, items), inDraft);
    },
  });
  const rows = review.data ?? null;
  const ready = useMemo(() => (rows ? readyOrgNumbers(rows) : []), [rows]);
  const adding = useMutation({
    mutationFn: () => call('batches.editItems', { id: batch.id, add: ready.map((orgNumber) => ({ orgNumber, operation })) }),
    onSuccess: (updated) => onAdded(updated, ready.length),
  });
  // Once added the dialog is on its way out; nothing may be sent a second time.
  const busy = review.isPending || adding.isPending || adding.isSuccess;
  const error: unknown = adding.error ?? review.error ?? contents.error;

  const check = (): void => {
    if (draft && list) review.mutate({ list, inDraft: draft.orgNumbers });
  };
  const back = (): void => {
    review.reset();
    adding.reset();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="add-to-draft-title" scroll="paper">
      <DialogTitle id="add-to-draft-title">{t('edit.title', { name: batch.name })}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 320 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('edit.intro', { systemUser: batch.systemUserTitle || batch.systemUserId })}
          {draft?.operation ? ` ${t(`edit.operationIs.${draft.operation}`)}` : ''}
        </Typography>
        {rows ? (
          <ReviewTable
            rows={rows}
            operation={operation}
            explain={(r) => (r.verdict === 'duplicate' && draft?.orgNumbers.has(r.orgNumber) ? t('edit.inDraft') : null)}
          />
        ) : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            {draft && draft.operation === null && (
              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2">
                  {t('edit.operationLegend')}
                </Typography>
                <RadioGroup row value={chosenOperation} onChange={(e) => setChosenOperation(e.target.value as Operation)}>
                  <FormControlLabel value="add" control={<Radio />} label={t('operation.add')} />
                  <FormControlLabel value="remove" control={<Radio />} label={t('operation.remove')} />
                </RadioGroup>
              </Box>
            )}
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2">
                {t('edit.sourceLegend')}
              </Typography>
              <RadioGroup row value={source} onChange={(e) => setSource(e.target.value as Source)}>
                <FormControlLabel value="paste" control={<Radio />} label={t('edit.sourcePaste')} />
                <FormControlLabel value="file" control={<Radio />} label={t('edit.sourceFile')} />
              </RadioGroup>
            </Box>
            {source === 'paste' ? (
              <PasteOrgNumbers value={pasted} onChange={setPasted} testId="draft-paste" />
            ) : (
              <PickOrgNumberFile
                file={file.picked}
                problem={file.problem}
                onChange={(picked, problem) => setFile({ picked, problem })}
                testId="draft-file"
              />
            )}
          </Box>
        )}
        {(review.isPending || adding.isPending) && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2 }}>
            <CircularProgress size={20} />
            {rows ? t('edit.adding') : t('edit.checking')}
          </Box>
        )}
        {error !== null && (
          <Box sx={{ mt: 2 }}>
            <ErrorDetails error={error} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        {rows ? (
          <>
            <Button disabled={busy} onClick={back}>
              {t('common:actions.back')}
            </Button>
            <Button variant="contained" disabled={busy || ready.length === 0} onClick={() => adding.mutate()} data-testid="draft-add-ready">
              {t('edit.addReady', { count: ready.length })}
            </Button>
          </>
        ) : (
          <Button variant="contained" disabled={busy || !canCheck} onClick={check} data-testid="draft-check">
            {t('edit.check')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
