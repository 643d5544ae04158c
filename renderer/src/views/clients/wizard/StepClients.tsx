// Where the clients come from: the list's selection, everything the filters match, pasted numbers, or a file.
import { Box, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PasteOrgNumbers, PickOrgNumberFile, type PickedFile } from '../../../components/org-numbers/OrgNumberInputs';

export type ClientSource = 'selection' | 'filtered' | 'paste' | 'file';

export interface ClientChoice {
  /** Null until the user picks: the wizard never assumes "everything". */
  source: ClientSource | null;
  pasted: string;
  file: PickedFile | null;
  fileProblem: string | null;
}

export function StepClients(props: {
  value: ClientChoice;
  onChange(next: ClientChoice): void;
  selectionCount: number;
  filteredCount: number | null;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation('clients');

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
        {t('wizard.sourceLegend')}
      </Typography>
      <RadioGroup value={value.source ?? ''} onChange={(e) => onChange({ ...value, source: e.target.value as ClientSource })}>
        {/* Left out rather than disabled when nothing is selected: with no radio checked, the keyboard enters a
            group at its first radio, and a disabled first radio would keep the whole group out of reach. */}
        {props.selectionCount > 0 && (
          <FormControlLabel value="selection" control={<Radio />} label={t('wizard.sourceSelection', { count: props.selectionCount })} />
        )}
        <FormControlLabel value="filtered" control={<Radio />} label={t('wizard.sourceFiltered', { count: props.filteredCount ?? 0 })} />
        <FormControlLabel value="paste" control={<Radio />} label={t('wizard.sourcePaste')} />
        <FormControlLabel value="file" control={<Radio />} label={t('wizard.sourceFile')} />
      </RadioGroup>
      {value.source === 'paste' && (
        <Box sx={{ mt: 1 }}>
          <PasteOrgNumbers value={value.pasted} onChange={(pasted) => onChange({ ...value, pasted })} testId="wizard-paste" />
        </Box>
      )}
      {value.source === 'file' && (
        <Box sx={{ mt: 1 }}>
          <PickOrgNumberFile
            file={value.file}
            problem={value.fileProblem}
            onChange={(file, fileProblem) => onChange({ ...value, source: 'file', file, fileProblem })}
            testId="wizard-file"
          />
        </Box>
      )}
    </Box>
  );
}
