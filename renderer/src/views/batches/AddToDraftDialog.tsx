// Adds clients to a draft the way the wizard builds a new batch: pasted numbers or a file, every unreadable
// line shown, then a review against the draft's system user and operation from the local copy (so it works
// offline), and only the clients that are ready go in.
import { useEffect, useMemo, useState } from 'react';
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
import { ErrorDetails } from '../../components/ErrorDetails';
import { PasteOrgNumbers, PickOrgNumberFile, usePastedList, type PickedFile } from '../../components/org-numbers/OrgNumberInputs';
import { reviewRows, sourceFromList, type ReviewRow } from '../../components/org-numbers/review-rows';
import { ReviewTable } from '../../components/org-numbers/ReviewTable';
import { loadDraftContents, readyOrgNumbers, withoutDraftItems, type DraftContents } from './draft-edit';

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
  const [draft, setDraft] = useState<DraftContents | null>(null);
  const [chosenOperation, setChosenOperation] = useState<Operation>('add');
  const [source, setSource] = useState<Source>('paste');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<{ picked: PickedFile | null; problem: string | null }>({ picked: null, problem: null });
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    loadDraftContents(batch.id).then(setDraft, setError);
  }, [batch.id]);

  const operation = draft?.operation ?? chosenOperation;
  const pastedList = usePastedList(pasted);
  const list = source === 'paste' ? pastedList : file.picked?.list;
  const canCheck = draft !== null && !!list && list.refusal === null && list.entries.length + list.errors.length > 0;
  const ready = useMemo(() => (rows ? readyOrgNumbers(rows) : []), [rows]);

  async function check(): Promise<void> {
    if (!draft || !list) return;
    setBusy(true);
    setError(null);
    try {
      const reviewSource = sourceFromList(list);
      const items = await call('batches.review', {
        systemUserId: batch.systemUserId,
        operation,
        orgNumbers: reviewSource.inputs.map((i) => i.input),
      });
      setRows(withoutDraftItems(reviewRows(reviewSource, items), draft.orgNumbers));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function add(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const updated = await call('batches.editItems', { id: batch.id, add: ready.map((orgNumber) => ({ orgNumber, operation })) });
      onAdded(updated, ready.length);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

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
        {busy && (
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
            <Button disabled={busy} onClick={() => setRows(null)}>
              {t('common:actions.back')}
            </Button>
            <Button variant="contained" disabled={busy || ready.length === 0} onClick={() => void add()} data-testid="draft-add-ready">
              {t('edit.addReady', { count: ready.length })}
            </Button>
          </>
        ) : (
          <Button variant="contained" disabled={busy || !canCheck} onClick={() => void check()} data-testid="draft-check">
            {t('edit.check')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
