import { useState } from 'react';
import { Alert, Box, FormControl, FormControlLabel, FormLabel, LinearProgress, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/app';
import type { EnvironmentId } from '../../../../shared/contract/define';
import { ErrorDetails } from '../../components/ErrorDetails';
import { refetchSettings, useUpdateSettings } from '../../api/query/app';
import { DemoWorldForm } from './DemoWorldForm';
import { Section } from './Section';

const ENVIRONMENTS: readonly EnvironmentId[] = ['demo', 'test', 'production'];

/** Which environment Klientdesk is connected to, and the addresses it talks to there (read-only). */
export function EnvironmentSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const update = useUpdateSettings();
  const [switchingTo, setSwitchingTo] = useState<EnvironmentId | null>(null);
  const [error, setError] = useState<unknown>(null);
  const urls = settings.environments[settings.environment].urls ?? {};

  const switchTo = async (environment: EnvironmentId): Promise<void> => {
    setError(null);
    setSwitchingTo(environment);
    try {
      await update({ environment });
      // The addresses are resolved once the new environment is up, so read the settings again.
      await refetchSettings();
    } catch (e) {
      setError(e);
    } finally {
      setSwitchingTo(null);
    }
  };

  return (
    <Section title={t('environment.title')} id="settings-environment">
      <FormControl disabled={switchingTo !== null}>
        <FormLabel id="settings-env-label">{t('environment.active')}</FormLabel>
        <RadioGroup
          row
          aria-labelledby="settings-env-label"
          value={switchingTo ?? settings.environment}
          onChange={(e) => void switchTo(e.target.value as EnvironmentId)}
        >
          {ENVIRONMENTS.map((id) => (
            <FormControlLabel key={id} value={id} control={<Radio />} label={tc(`environment.${id}`)} data-testid={`settings-env-${id}`} />
          ))}
        </RadioGroup>
      </FormControl>
      {switchingTo && (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{t('environment.switching', { env: tc(`environment.${switchingTo}`) })}</Typography>
          <LinearProgress aria-label={t('environment.switching', { env: tc(`environment.${switchingTo}`) })} />
        </Box>
      )}
      {error !== null && <ErrorDetails error={error} title={t('environment.switchFailed')} />}
      {settings.environment === 'production' && <Alert severity="warning">{t('environment.production')}</Alert>}
      <Box>
        <Typography variant="subtitle2" component="h4">
          {t('environment.urls')}
        </Typography>
        {Object.keys(urls).length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('environment.urlsPending')}
          </Typography>
        ) : (
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 1 }}
            data-testid="settings-urls"
          >
            {Object.entries(urls).map(([name, url]) => (
              <Box key={name} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {t(`environment.url.${name}`, { defaultValue: name })}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {url}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </Box>
      {settings.environment === 'demo' && <DemoWorldForm settings={settings} />}
    </Section>
  );
}
