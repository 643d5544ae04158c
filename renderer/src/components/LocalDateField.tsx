// A date typed the way the reader writes it (20.08.2026 in bokmål, 20/08/2026 in English) rather than the
// browser's own date input, which shows mm/dd/yyyy whatever language the app speaks.
import { useEffect, useState } from 'react';
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { datePattern, formatDate, parseLocalDate } from '../../../shared/format/format';

export function LocalDateField(props: {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange(isoDate: string): void;
  invalidText: string;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const { value, onChange } = props;
  const [text, setText] = useState(value ? formatDate(value, i18n.language) : '');
  // Cleared from outside (a "clear filters" button): the field follows.
  useEffect(() => {
    if (value === '') setText('');
  }, [value]);
  const parsed = text.trim() === '' ? '' : parseLocalDate(text);
  return (
    <TextField
      size="small"
      label={props.label}
      value={text}
      placeholder={datePattern(i18n.language)}
      error={parsed === null}
      helperText={parsed === null ? props.invalidText : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const next = e.target.value.trim() === '' ? '' : parseLocalDate(e.target.value);
        if (next !== null) onChange(next);
      }}
      sx={{ width: 150 }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric', maxLength: 10, 'data-testid': props.testId } }}
    />
  );
}
