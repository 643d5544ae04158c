import { useState } from 'react';
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/app';
import { ErrorDetails } from '../../components/ErrorDetails';
import { Section } from './Section';
import { useUpdateSettings } from '../../api/query/app';

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  const [error, setError] = useState<unknown>(null);
  const apply = (patch: Parameters<typeof update>[0]): void => {
    setError(null);
    update(patch).catch(setError);
  };
  return (
    <Section title={t('appearance.title')} id="settings-appearance">
      <Stack direction="row" spacing={6} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <FormControl>
          <FormLabel id="settings-language">{t('appearance.language')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="settings-language"
            value={settings.language}
            onChange={(e) => apply({ language: e.target.value as Settings['language'] })}
          >
            {/* Each language is named in itself, so it can be found whatever language is showing. */}
            <FormControlLabel value="nb" control={<Radio />} label="Norsk bokmål" lang="nb" />
            <FormControlLabel value="en" control={<Radio />} label="English" lang="en" />
          </RadioGroup>
        </FormControl>
        <FormControl>
          <FormLabel id="settings-theme">{t('appearance.theme')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="settings-theme"
            value={settings.theme}
            onChange={(e) => apply({ theme: e.target.value as Settings['theme'] })}
          >
            <FormControlLabel value="system" control={<Radio />} label={t('appearance.system')} />
            <FormControlLabel value="light" control={<Radio />} label={t('appearance.light')} />
            <FormControlLabel value="dark" control={<Radio />} label={t('appearance.dark')} />
          </RadioGroup>
        </FormControl>
      </Stack>
      {error !== null && <ErrorDetails error={error} />}
    </Section>
  );
}
