// Where the clients come from: the list's selection, everything the filters match, pasted numbers, or a file.
// Pasted text and files are read here with the shared parser, so every line's fate is visible before review.
import { useMemo, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import {
  MAX_ORG_NUMBERS,
  orgNumberFileProblem,
  parseOrgNumberList,
  type OrgNumberList,
} from '../../../../../shared/domain/org-number-list';

export type ClientSource = 'selection' | 'filtered' | 'paste' | 'file';

export interface ClientChoice {
  source: ClientSource;
  pasted: string;
  file: { name: string; list: OrgNumberList } | null;
  fileProblem: string | null;
}

const SHOWN_ERRORS = 50;

function LineErrors({ list }: { list: OrgNumberList }) {
  const { t } = useTranslation('clients');
  if (list.refusal) return <Alert severity="error">{t('wizard.tooMany', { max: MAX_ORG_NUMBERS })}</Alert>;
  return (
    <Box role="status" sx={{ mt: 1 }}>
      <Typography variant="body2">{t('wizard.parsed', { entries: list.entries.length, errors: list.errors.length })}</Typography>
      {list.errors.length > 0 && (
        <List
          dense
          aria-label={t('wizard.lineErrors')}
          sx={{ maxHeight: 140, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, mt: 0.5 }}
        >
          {list.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
            <ListItem key={i} disablePadding sx={{ px: 1 }}>
              <ListItemText primary={`${t('wizard.line', { line: e.line })}: ${e.input}`} secondary={t(`wizard.problems.${e.problem}`)} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

export function StepClients(props: {
  value: ClientChoice;
  onChange(next: ClientChoice): void;
  selectionCount: number;
  filteredCount: number | null;
}) {
  const { value, onChange } = props;
  const { t } = useTranslation('clients');
  const [reading, setReading] = useState(false);
  const pastedList = useMemo(
    () => (value.source === 'paste' && value.pasted.trim() !== '' ? parseOrgNumberList(value.pasted) : null),
    [value.source, value.pasted],
  );

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // Checked on the size before reading: a huge file is refused whole, never read in part.
    const problem = orgNumberFileProblem(file.size);
    if (problem) {
      onChange({
        ...value,
        source: 'file',
        file: null,
        fileProblem: t('wizard.fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) }),
      });
      return;
    }
    setReading(true);
    try {
      const list = parseOrgNumberList(await file.text());
      onChange({ ...value, source: 'file', file: { name: file.name, list }, fileProblem: null });
    } finally {
      setReading(false);
    }
  }

  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
        {t('wizard.sourceLegend')}
      </Typography>
      <RadioGroup value={value.source} onChange={(e) => onChange({ ...value, source: e.target.value as ClientSource })}>
        <FormControlLabel
          value="selection"
          disabled={props.selectionCount === 0}
          control={<Radio />}
          label={t('wizard.sourceSelection', { count: props.selectionCount })}
        />
        <FormControlLabel value="filtered" control={<Radio />} label={t('wizard.sourceFiltered', { count: props.filteredCount ?? 0 })} />
        <FormControlLabel value="paste" control={<Radio />} label={t('wizard.sourcePaste')} />
        <FormControlLabel value="file" control={<Radio />} label={t('wizard.sourceFile')} />
      </RadioGroup>
      {value.source === 'paste' && (
        <Box sx={{ mt: 1 }}>
          <TextField
            label={t('wizard.pasteLabel')}
            helperText={t('wizard.pasteHelp')}
            multiline
            minRows={4}
            maxRows={10}
            fullWidth
            value={value.pasted}
            onChange={(e) => onChange({ ...value, pasted: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': 'wizard-paste', spellCheck: false } }}
          />
          {pastedList && <LineErrors list={pastedList} />}
        </Box>
      )}
      {value.source === 'file' && (
        <Box sx={{ mt: 1 }}>
          <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />} disabled={reading}>
            {reading ? t('wizard.fileReading') : t('wizard.fileChoose')}
            <input hidden type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void onFile(e)} data-testid="wizard-file" />
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {value.file ? value.file.name : t('wizard.fileHelp')}
          </Typography>
          {value.fileProblem && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {value.fileProblem}
            </Alert>
          )}
          {value.file && <LineErrors list={value.file.list} />}
        </Box>
      )}
    </Box>
  );
}
