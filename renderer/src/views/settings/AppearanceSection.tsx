import { useState, type ReactNode } from 'react';
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
        <Choice
          id="settings-language"
          label={t('appearance.language')}
          value={settings.language}
          onChange={(language) => apply({ language: language as Settings['language'] })}
        >
          {/* Each language is named in itself, so it can be found whatever language is showing. */}
          <FormControlLabel value="nb" control={<Radio />} label="Norsk bokmål" lang="nb" />
          <FormControlLabel value="en" control={<Radio />} label="English" lang="en" />
        </Choice>
        <Choice
          id="settings-theme"
          label={t('appearance.theme')}
          value={settings.theme}
          onChange={(theme) => apply({ theme: theme as Settings['theme'] })}
        >
          <FormControlLabel value="system" control={<Radio />} label={t('appearance.system')} />
          <FormControlLabel value="light" control={<Radio />} label={t('appearance.light')} />
          <FormControlLabel value="dark" control={<Radio />} label={t('appearance.dark')} />
        </Choice>
      </Stack>
      {error !== null && <ErrorDetails error={error} />}
    </Section>
  );
}

function Choice(props: { id: string; label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <FormControl>
      <FormLabel id={props.id}>{props.label}</FormLabel>
      <RadioGroup row aria-labelledby={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </RadioGroup>
    </FormControl>
  );
}
