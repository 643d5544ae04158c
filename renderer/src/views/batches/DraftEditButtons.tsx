// A draft's own edits: add clients (through the same review as the wizard) and remove the chosen rows. Both go
// through batches.editItems, which refuses once the batch has left the draft state.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@mui/material';
import PlaylistAddOutlined from '@mui/icons-material/PlaylistAddOutlined';
import PlaylistRemoveOutlined from '@mui/icons-material/PlaylistRemoveOutlined';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { call } from '../../api/client';
import { AddToDraftDialog } from './AddToDraftDialog';

export function DraftEditButtons({
  batch,
  selected,
  onChanged,
  onError,
}: {
  batch: BatchSummary;
  /** Org numbers chosen in the item table. */
  selected: ReadonlySet<string>;
  /** After an edit, with what to tell the person. */
  onChanged(batch: BatchSummary, note: string): void;
  onError(error: unknown): void;
}) {
  const { t } = useTranslation('batches');
  const [adding, setAdding] = useState(false);
  const removal = useMutation({
    mutationFn: (orgNumbers: string[]) => call('batches.editItems', { id: batch.id, removeOrgNumbers: orgNumbers }),
    onSuccess: (updated, orgNumbers) => onChanged(updated, t('edit.removed', { count: orgNumbers.length })),
    onError,
  });

  return (
    <>
      <Button size="small" startIcon={<PlaylistAddOutlined />} onClick={() => setAdding(true)} data-testid="draft-add">
        {t('edit.add')}
      </Button>
      <Button
        size="small"
        startIcon={<PlaylistRemoveOutlined />}
        disabled={selected.size === 0 || removal.isPending}
        onClick={() => removal.mutate([...selected])}
        data-testid="draft-remove"
      >
        {t('edit.remove', { count: selected.size })}
      </Button>
      {adding && (
        <AddToDraftDialog
          batch={batch}
          onClose={() => setAdding(false)}
          onAdded={(updated, count) => {
            setAdding(false);
            onChanged(updated, t('edit.added', { count }));
          }}
        />
      )}
    </>
  );
}
