// Pasted org numbers and a picked CSV or text file, read with the shared parser as the person types or picks,
// so every line's fate is visible before anything is reviewed. Used by the delegation wizard and by the batch
// detail's "add clients to a draft"; the texts are the wizard's (namespace `clients`).
import { useMemo, useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import { formatMegabytes } from '../../../../shared/format/format';
import {
  decodeOrgNumberFile,
  MAX_ORG_NUMBERS,
  orgNumberFileProblem,
  parseOrgNumberList,
  type OrgNumberList,
} from '../../../../shared/domain/org-number-list';

export interface PickedFile {
  name: string;
  list: OrgNumberList;
}

const SHOWN_ERRORS = 50;

/** How many numbers were found, and each line that could not be read, with why. */
export function LineErrors({ list }: { list: OrgNumberList }) {
  const { t } = useTranslation('clients');
  if (list.refusal) return <Alert severity="error">{t('wizard.tooMany', { max: MAX_ORG_NUMBERS })}</Alert>;
  return (
    <Box role="status" sx={{ mt: 1 }}>
      <Typography variant="body2">
        {t('wizard.parsed', { count: list.entries.length })}
        {list.errors.length > 0 && `, ${t('wizard.parsedErrors', { count: list.errors.length })}`}
      </Typography>
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

/** The list a pasted text makes, or null while nothing is typed. */
export const usePastedList = (text: string): OrgNumberList | null =>
  useMemo(() => (text.trim() === '' ? null : parseOrgNumberList(text)), [text]);

export function PasteOrgNumbers({ value, onChange, testId }: { value: string; onChange(text: string): void; testId?: string }) {
  const { t } = useTranslation('clients');
  const list = usePastedList(value);
  return (
    <Box>
      <TextField
        label={t('wizard.pasteLabel')}
        helperText={t('wizard.pasteHelp')}
        multiline
        minRows={4}
        maxRows={10}
        fullWidth
        value={value}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': testId, spellCheck: false } }}
      />
      {list && <LineErrors list={list} />}
    </Box>
  );
}

export function PickOrgNumberFile({
  file,
  problem,
  onChange,
  testId,
}: {
  file: PickedFile | null;
  /** Why the last pick was refused, if it was. */
  problem: string | null;
  /** A file that was read, or the reason it was not (then `file` is null). */
  onChange(file: PickedFile | null, problem: string | null): void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('clients');
  const [reading, setReading] = useState(false);

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const picked = e.target.files?.[0];
    e.target.value = '';
    if (!picked) return;
    // Checked on the size before reading: a huge file is refused whole, never read in part.
    if (orgNumberFileProblem(picked.size)) {
      onChange(null, t('wizard.fileTooLarge', { size: formatMegabytes(picked.size, i18n.language) }));
      return;
    }
    setReading(true);
    try {
      const list = parseOrgNumberList(decodeOrgNumberFile(new Uint8Array(await picked.arrayBuffer())));
      onChange({ name: picked.name, list }, null);
    } finally {
      setReading(false);
    }
  }

  return (
    <Box>
      <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />} disabled={reading}>
        {reading ? t('wizard.fileReading') : t('wizard.fileChoose')}
        <input hidden type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void onFile(e)} data-testid={testId} />
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {file ? file.name : t('wizard.fileHelp')}
      </Typography>
      {problem && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {problem}
        </Alert>
      )}
      {file && <LineErrors list={file.list} />}
    </Box>
  );
}
