import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../api/query/app';
import { AppearanceSection } from './AppearanceSection';
import { EnvironmentConfigSection } from './EnvironmentConfigSection';
import { EnvironmentSection } from './EnvironmentSection';
import { KeysSection } from './KeysSection';
import { UnattendedSection } from './UnattendedSection';

export function SettingsView() {
  const { t } = useTranslation('settings');
  const settings = useSettings();
  if (!settings) return null;
  return (
    <Stack spacing={2} sx={{ p: 3, maxWidth: 1100 }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      <AppearanceSection settings={settings} />
      <EnvironmentSection settings={settings} />
      <KeysSection environment={settings.environment} />
      <EnvironmentConfigSection settings={settings} />
      <UnattendedSection settings={settings} />
    </Stack>
  );
}
