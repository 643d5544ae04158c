import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function BatchesView() {
  const { t } = useTranslation('batches');
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('common:placeholder')}</Typography>
    </Box>
  );
}
