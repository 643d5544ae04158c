// The last word before many clients, or everything a filter matched, go to Altinn: the count and the system
// access are spelled out, and the safe choice is the default.
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../../../shared/domain/batch';
import { useFocusOnEntered } from '../../../components/use-focus-on-entered';

export function ConfirmSend(props: { operation: Operation; count: number; systemUser: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation(['clients', 'common']);
  const values = { count: props.count, systemUser: props.systemUser };
  const add = props.operation === 'add';
  const cancel = useFocusOnEntered<HTMLButtonElement>();
  return (
    <Dialog
      open
      onClose={props.onCancel}
      aria-labelledby="confirm-send-title"
      aria-describedby="confirm-send-body"
      slotProps={cancel.slotProps}
    >
      <DialogTitle id="confirm-send-title">{t(add ? 'wizard.confirm.titleAdd' : 'wizard.confirm.titleRemove', values)}</DialogTitle>
      <DialogContent>
        <DialogContentText id="confirm-send-body">
          {t(add ? 'wizard.confirm.bodyAdd' : 'wizard.confirm.bodyRemove', values)}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus ref={cancel.ref} onClick={props.onCancel}>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="contained" color="warning" onClick={props.onConfirm} data-testid="wizard-confirm-send">
          {t('wizard.confirm.send', values)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
