// The delegation wizard: system user → clients → review → save as a draft batch or submit. The same wizard
// removes delegations. It never calls Altinn itself: the review is predicted from the local copy, and the
// batch it creates is run by the batches feature (so it also works offline, as a draft). Once the batch exists
// the wizard's work is done: it closes and the batch opens in the Batches view, where it is followed.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Step, StepLabel, Stepper } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ClientQuery, SystemUserRow } from '../../../../../shared/contract/clients';
import type { Operation } from '../../../../../shared/domain/batch';
import { parseOrgNumberList } from '../../../../../shared/domain/org-number-list';
import { call } from '../../../api/client';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { countVerdicts, reviewRows, sourceFromList, type ReviewRow, type ReviewSource } from '../../../components/org-numbers/review-rows';
import { ReviewTable } from '../../../components/org-numbers/ReviewTable';
import { useAppStore } from '../../../state/app-store';
import { useAppStatus } from '../../../api/query/app';
import { queryKeys } from '../../../api/query/keys';
import { useBatchProgress } from '../../batches/progress-store';
import { StepClients, type ClientChoice } from './StepClients';
import { StepFinish } from './StepFinish';
import { ConfirmSend } from './ConfirmSend';
import { StepSystemUser } from './StepSystemUser';
import type { EmployeeTarget } from '../../../../../shared/contract/employees';
import { EmployeeTargetPicker } from '../../employees/EmployeeTargetPicker';

export interface WizardRequest {
  operation: Operation;
  systemUserId: string | null;
  /** The query behind "everything matching the filters". */
  query: ClientQuery;
  source: ClientChoice['source'];
}

/** Sending more than this many clients at once asks the user to confirm the count and the system access. */
export const CONFIRM_ABOVE = 50;

const STEPS = ['systemUser', 'clients', 'review', 'finish'] as const;

async function gatherSource(choice: ClientChoice, selection: readonly string[], query: ClientQuery): Promise<ReviewSource> {
  switch (choice.source) {
    case null:
      return { inputs: [], lineErrors: [] };
    case 'selection':
      return { inputs: selection.map((input) => ({ input, line: null })), lineErrors: [] };
    case 'filtered':
      return { inputs: (await call('clients.matchingOrgNumbers', { query })).map((input) => ({ input, line: null })), lineErrors: [] };
    case 'paste':
      return sourceFromList(parseOrgNumberList(choice.pasted));
    case 'file':
      return sourceFromList(choice.file?.list);
  }
}

export function DelegationWizard(props: {
  request: WizardRequest;
  systemUsers: readonly SystemUserRow[];
  suggestedSystemUserId: string | null;
  onClose(): void;
}) {
  const { request, systemUsers } = props;
  const { t } = useTranslation(['clients', 'common']);
  const selection = useAppStore((s) => s.selection);
  const online = useAppStatus()?.online ?? true;
  const setView = useAppStore((s) => s.setView);
  const [step, setStep] = useState(request.systemUserId ? 1 : 0);
  const [systemUserId, setSystemUserId] = useState<string | null>(
    request.systemUserId ?? props.suggestedSystemUserId ?? (systemUsers.length === 1 ? systemUsers[0]!.id : null),
  );
  const [confirming, setConfirming] = useState(false);
  const [choice, setChoice] = useState<ClientChoice>({ source: request.source, pasted: '', file: null, fileProblem: null });
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [employeeTarget, setEmployeeTarget] = useState<EmployeeTarget | null>(null);
  // An employee target stands where a system user would: the review, the batch and its title use its id.
  const systemUser = systemUsers.find((su) => su.id === systemUserId) ?? (employeeTarget?.id === systemUserId ? employeeTarget : null);
  const readyCount = rows ? countVerdicts(rows).ready : 0;

  const filtered = useQuery({
    queryKey: [...queryKeys.clients.query(request.query), 'count'],
    queryFn: () => call('clients.query', { query: request.query, offset: 0, limit: 1 }),
  });
  const filteredCount = filtered.data?.total ?? null;

  async function review(): Promise<void> {
    if (!systemUserId) return;
    setBusy(true);
    setError(null);
    try {
      const source = await gatherSource(choice, selection, request.query);
      const items = await call('batches.review', {
        systemUserId,
        operation: request.operation,
        orgNumbers: source.inputs.map((i) => i.input),
      });
      const reviewed = reviewRows(source, items);
      setRows(reviewed);
      const count = countVerdicts(reviewed).ready;
      setName(
        t(request.operation === 'add' ? 'wizard.defaultNameAdd' : 'wizard.defaultNameRemove', {
          count,
          systemUser: systemUser?.title ?? '',
        }),
      );
      setStep(2);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  /** Sending many clients, or everything a filter matched, is confirmed with the count and the system access first. */
  const needsConfirmation = readyCount > CONFIRM_ABOVE || choice.source === 'filtered';

  function onSave(submit: boolean): void {
    if (submit && needsConfirmation) setConfirming(true);
    else void save(submit);
  }

  async function save(submit: boolean): Promise<void> {
    setConfirming(false);
    if (!systemUserId || !rows) return;
    setBusy(true);
    setError(null);
    try {
      const items = rows.filter((r) => r.verdict === 'ready').map((r) => ({ orgNumber: r.orgNumber, operation: request.operation }));
      const batch = await call('batches.create', { name: name.trim(), systemUserId, systemUserTitle: systemUser?.title, items, submit });
      // The Batches view opens the batch and shows the note; the wizard and the client list go away with the switch.
      const note = t(submit ? 'wizard.submitted' : 'wizard.savedDraft', { name: batch.name, count: batch.counts.total });
      useBatchProgress.getState().focus(batch.id, note);
      props.onClose();
      setView('batches');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const canContinue =
    step === 0
      ? systemUserId !== null
      : step === 1
        ? (choice.source === 'selection' && selection.length > 0) ||
          (choice.source === 'filtered' && (filteredCount ?? 0) > 0) ||
          (choice.source === 'paste' && choice.pasted.trim() !== '') ||
          (choice.source === 'file' && choice.file !== null && choice.file.list.refusal === null)
        : step === 2
          ? readyCount > 0
          : false;

  function next(): void {
    if (step === 1) void review();
    else setStep(step + 1);
  }

  // Neste turns disabled under the focus while a review runs, and a new step replaces what had it: either way
  // the focus would fall to the dialog frame. It goes to the step itself instead, where Tab reaches its first field.
  const stepRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    const changed = shownStep.current !== step;
    shownStep.current = step;
    const active = document.activeElement;
    const inside = (el: HTMLElement | null) => el !== null && active !== null && el.contains(active);
    const lost =
      active === null || (active as HTMLButtonElement).disabled === true || !(inside(stepRef.current) || inside(actionsRef.current));
    if (changed || lost) stepRef.current?.focus();
  }, [step, busy, canContinue]);

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="lg" aria-labelledby="wizard-title" scroll="paper">
      <DialogTitle id="wizard-title">{t(request.operation === 'add' ? 'wizard.titleAdd' : 'wizard.titleRemove')}</DialogTitle>
      <DialogContent dividers sx={{ minHeight: 380 }}>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {STEPS.map((s) => (
            <Step key={s}>
              <StepLabel>{t(`wizard.steps.${s}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Box
          ref={stepRef}
          tabIndex={-1}
          role="group"
          aria-label={t(`wizard.steps.${STEPS[step]!}`)}
          data-testid="wizard-step"
          sx={{ '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 4 } }}
        >
          {step === 0 && (
            <>
              <StepSystemUser
                systemUsers={systemUsers}
                value={systemUserId}
                suggested={props.suggestedSystemUserId}
                onChange={setSystemUserId}
              />
              <EmployeeTargetPicker
                chosen={employeeTarget?.id === systemUserId ? employeeTarget : null}
                onChoose={(target) => {
                  setEmployeeTarget(target);
                  setSystemUserId(target.id);
                }}
              />
            </>
          )}
          {step === 1 && (
            <StepClients value={choice} onChange={setChoice} selectionCount={selection.length} filteredCount={filteredCount} />
          )}
          {step === 2 && rows && <ReviewTable rows={rows} operation={request.operation} />}
          {step === 3 && <StepFinish name={name} onName={setName} readyCount={readyCount} online={online} busy={busy} onSave={onSave} />}
        </Box>
        {busy && step === 1 && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2 }}>
            <CircularProgress size={20} />
            {t('wizard.reviewing')}
          </Box>
        )}
        {(error ?? filtered.error) !== null && (
          <Box sx={{ mt: 2 }}>
            <ErrorDetails error={error ?? filtered.error} />
          </Box>
        )}
      </DialogContent>
      <DialogActions ref={actionsRef}>
        <Button onClick={props.onClose}>{t('common:actions.cancel')}</Button>
        <Button disabled={step === 0 || busy} onClick={() => setStep(step - 1)}>
          {t('common:actions.back')}
        </Button>
        {step < 3 && (
          <Button variant="contained" disabled={!canContinue || busy} onClick={next} data-testid="wizard-next">
            {t('common:actions.next')}
          </Button>
        )}
      </DialogActions>
      {confirming && (
        <ConfirmSend
          operation={request.operation}
          count={readyCount}
          systemUser={systemUser?.title ?? ''}
          onConfirm={() => void save(true)}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Dialog>
  );
}
