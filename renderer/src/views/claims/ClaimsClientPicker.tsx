import { useState } from 'react';
import { Box, Button, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { parseOrgNumbers } from './parse-org-numbers';

type Source = 'selection' | 'typed';

/** Which clients to ask for: the client list's selection, or org numbers typed or pasted here. */
export function ClaimsClientPicker({ busy, onFetch }: { busy: boolean; onFetch(orgNumbers: string[]): void }) {
  const { t } = useTranslation('claims');
  const selection = useAppStore((s) => s.selection);
  const [source, setSource] = useState<Source>(selection.length > 0 ? 'selection' : 'typed');
  const [text, setText] = useState('');
  const typed = parseOrgNumbers(text);
  const orgNumbers = source === 'selection' ? selection : typed.valid;
  const invalid = source === 'typed' && typed.invalid.length > 0;

  return (
    <Box
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (orgNumbers.length > 0 && !invalid) onFetch(orgNumbers);
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2 }}
    >
      {selection.length > 0 && (
        <FormControl>
          <FormLabel id="claims-source">{t('source.label')}</FormLabel>
          <RadioGroup aria-labelledby="claims-source" value={source} onChange={(e) => setSource(e.target.value as Source)}>
            <FormControlLabel value="selection" control={<Radio />} label={t('source.selection', { count: selection.length })} />
            <FormControlLabel value="typed" control={<Radio />} label={t('source.typed')} />
          </RadioGroup>
        </FormControl>
      )}
      {source === 'typed' && (
        <TextField
          label={t('orgNumbers.label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={1}
          maxRows={4}
          sx={{ minWidth: 320, flex: 1, maxWidth: 560 }}
          error={invalid}
          helperText={invalid ? t('orgNumbers.invalid', { list: typed.invalid.slice(0, 5).join(', ') }) : t('orgNumbers.helper')}
          slotProps={{ htmlInput: { 'data-testid': 'claims-org-numbers', spellCheck: false } }}
        />
      )}
      <Button
        type="submit"
        variant="contained"
        disabled={busy || orgNumbers.length === 0 || invalid}
        sx={{ mt: 1 }}
        data-testid="claims-fetch"
      >
        {t('fetch')}
      </Button>
    </Box>
  );
}
