import { useEffect, useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Link, Stack, Switch, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/app';
import type { UnattendedCheck } from '../../../../shared/contract/unattended';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { Section } from './Section';
import { useUpdateSettings } from '../../api/query/app';

/** The steps a firm takes in Test and Production before the app can act with nobody present (altinn.md §8.3). */
const GUIDE_STEPS = ['register', 'request', 'approve', 'configure'] as const;
const GUIDE_LINKS: Record<(typeof GUIDE_STEPS)[number], string | null> = {
  register: 'https://docs.altinn.studio/en/authorization/guides/system-vendor/client-admin/',
  request: 'https://docs.altinn.studio/en/authorization/guides/system-vendor/system-user/systemuserrequest/',
  approve: null,
  configure: null,
};
const PORTAL: Record<'test' | 'production', string> = {
  test: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/overview',
  production: 'https://am.ui.altinn.no/accessmanagement/ui/systemuser/overview',
};

type State =
  { kind: 'idle' | 'saving' | 'saved' | 'checking' } | { kind: 'checked'; result: UnattendedCheck } | { kind: 'failed'; error: unknown };

/** "Run as the firm's client-administration system user", for the environment Klientdesk is connected to. */
export function UnattendedSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  const environment = settings.environment;
  const saved = settings.environments[environment].unattended;
  const [externalRef, setExternalRef] = useState(saved.externalRef);
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => setExternalRef(saved.externalRef), [saved.externalRef, environment]);

  const save = async (next: { enabled: boolean; externalRef: string }): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      await update({ environmentConfig: { id: environment, unattended: next } });
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  const check = async (): Promise<void> => {
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'checked', result: await call('unattended.check', {}) });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <Section title={t('unattended.title')} id="settings-unattended">
      <Typography variant="body2">{t('unattended.intro')}</Typography>
      <FormControlLabel
        control={
          <Switch
            checked={saved.enabled}
            disabled={state.kind === 'saving'}
            onChange={(e) => void save({ enabled: e.target.checked, externalRef: externalRef.trim() })}
            slotProps={{ input: { 'aria-describedby': 'settings-unattended-help' } }}
          />
        }
        label={t('unattended.enable')}
      />
      <Typography variant="body2" color="text.secondary" id="settings-unattended-help">
        {t('unattended.cli')}
      </Typography>
      {environment === 'demo' ? (
        <Alert severity="info">{t('unattended.demoSeeded')}</Alert>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 3 }} aria-label={t('unattended.guideTitle')}>
          {GUIDE_STEPS.map((step) => {
            const link = step === 'approve' ? PORTAL[environment] : GUIDE_LINKS[step];
            return (
              <li key={step}>
                <Typography variant="body2">
                  {t(`unattended.steps.${step}`)}{' '}
                  {link && (
                    // The window never navigates: the system browser opens the page (the desktop app), and the
                    // address stays readable for copying where there is none (the browser host).
                    <>
                      <Link
                        component="button"
                        type="button"
                        onClick={() => void call('app.openExternal', { url: link }).catch(() => undefined)}
                      >
                        {t('unattended.open')}
                      </Link>{' '}
                      <Typography component="span" variant="body2" sx={{ userSelect: 'all', wordBreak: 'break-all' }}>
                        {link}
                      </Typography>
                    </>
                  )}
                </Typography>
              </li>
            );
          })}
        </Box>
      )}
      <Stack
        component="form"
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', maxWidth: 640 }}
        onSubmit={(e) => {
          e.preventDefault();
          void save({ enabled: saved.enabled, externalRef: externalRef.trim() });
        }}
      >
        <TextField
          label={t('unattended.externalRef')}
          value={externalRef}
          onChange={(e) => {
            setExternalRef(e.target.value);
            setState({ kind: 'idle' });
          }}
          helperText={environment === 'demo' ? t('unattended.externalRefDemo') : t('unattended.externalRefHelp')}
          slotProps={{ htmlInput: { 'data-testid': 'settings-unattended-external-ref', spellCheck: false, maxLength: 200 } }}
          sx={{ flex: 1 }}
        />
        <Button type="submit" variant="outlined" disabled={state.kind === 'saving'}>
          {t('unattended.save')}
        </Button>
        <Button variant="contained" disabled={state.kind === 'checking'} onClick={() => void check()}>
          {t('unattended.check')}
        </Button>
      </Stack>
      {state.kind === 'saved' && (
        <Alert severity="success" role="status">
          {t('unattended.saved')}
        </Alert>
      )}
      {state.kind === 'checked' && (
        <Alert severity="success" role="status">
          {t('unattended.works', { id: state.result.systemUserId ?? '–', count: state.result.agentSystemUsers })}
        </Alert>
      )}
      {state.kind === 'failed' && <ErrorDetails error={state.error} title={t('unattended.failed')} />}
    </Section>
  );
}
