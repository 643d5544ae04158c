// The client search box. Its text lives in the input itself (uncontrolled): a keystroke re-renders nothing in
// React, and the list follows once its answer is there (see ClientsView), so typing never waits for the grid.
import { memo } from 'react';
import { TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';

export const SearchField = memo(function SearchField({ onSearch }: { onSearch(value: string): void }) {
  const { t } = useTranslation('clients');
  // The view clears the box by mounting a new one (a new `key`), so no older text can be written back into it.
  return (
    <TextField
      size="small"
      type="search"
      label={t('search.label')}
      placeholder={t('search.placeholder')}
      defaultValue=""
      onChange={(e) => onSearch(e.target.value)}
      slotProps={{
        input: { startAdornment: <SearchIcon fontSize="small" sx={{ mr: 1, color: 'text.secondary' }} /> },
        htmlInput: { 'data-testid': 'client-search' },
      }}
      sx={{ width: 260 }}
    />
  );
});
