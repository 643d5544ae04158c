import { useEffect, useState } from 'react';
import { Box, Snackbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProposalsPanel } from './ProposalsPanel';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';
import { listenForProgress, useBatchProgress } from './progress-store';

export function BatchesView() {
  const { t } = useTranslation('batches');
  const focusBatchId = useBatchProgress((s) => s.focusBatchId);
  const focusNote = useBatchProgress((s) => s.focusNote);
  const focus = useBatchProgress((s) => s.focus);
  const [openId, setOpenId] = useState<string | null>(focusBatchId);
  const [note, setNote] = useState<string | null>(focusNote);
  useEffect(() => listenForProgress(), []);

  // The global indicator or the wizard asks for a batch: open it, say why if there is a note, forget the request.
  useEffect(() => {
    if (focusBatchId) {
      setOpenId(focusBatchId);
      if (focusNote) setNote(focusNote);
      focus(null);
    }
  }, [focusBatchId, focusNote, focus]);

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      {openId ? (
        <BatchDetail key={openId} id={openId} onBack={() => setOpenId(null)} onOpen={setOpenId} />
      ) : (
        <>
          <ProposalsPanel onOpen={setOpenId} />
          <BatchList onOpen={setOpenId} />
        </>
      )}
      <Snackbar
        open={note !== null}
        message={note}
        autoHideDuration={8_000}
        onClose={(_, reason) => {
          // A click elsewhere should not hide the only sign that the wizard did its work.
          if (reason !== 'clickaway') setNote(null);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        slotProps={{ content: { role: 'status', 'aria-live': 'polite' } }}
      />
    </Box>
  );
}
