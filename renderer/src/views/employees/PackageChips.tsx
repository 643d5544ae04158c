import { Box, Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Package codes in words (the client list's names for them); an unknown code shows as itself. */
export function PackageChips({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation('clients');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {codes.map((p) => (
        <Chip key={p} size="small" variant="outlined" label={t(`packages.${p}`, { defaultValue: p })} />
      ))}
    </Box>
  );
}
