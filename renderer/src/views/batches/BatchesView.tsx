import { useEffect, useState } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';
import { listenForProgress, useBatchProgress } from './progress-store';

export function BatchesView() {
  const { t } = useTranslation('batches');
  const focusBatchId = useBatchProgress((s) => s.focusBatchId);
  const focus = useBatchProgress((s) => s.focus);
  const [openId, setOpenId] = useState<string | null>(focusBatchId);
  useEffect(() => listenForProgress(), []);

  // The global indicator asks for a batch: open it, then forget the request.
  useEffect(() => {
    if (focusBatchId) {
      setOpenId(focusBatchId);
      focus(null);
    }
  }, [focusBatchId, focus]);

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      {openId ? (
        <BatchDetail key={openId} id={openId} onBack={() => setOpenId(null)} onOpen={setOpenId} />
      ) : (
        <BatchList onOpen={setOpenId} />
      )}
    </Box>
  );
}
