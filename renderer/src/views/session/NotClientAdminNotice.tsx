import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/contract/app';
import './register';

/** Why the client list is empty for this person, in plain words: for any view that needs the right. */
export function NotClientAdminNotice({ session }: { session: Session }) {
  const { t } = useTranslation('session');
  return (
    <Alert severity="warning" data-testid="not-client-admin">
      <AlertTitle>{t('notClientAdminTitle')}</AlertTitle>
      {t('notClientAdmin', { name: session.person.name, firm: session.firm.name })} {t('notClientAdminAdvice')}
    </Alert>
  );
}
