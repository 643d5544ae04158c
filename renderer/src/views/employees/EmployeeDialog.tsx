// The frame the employee screens' dialogs share: title, body and actions, a loading line, and one row per
// party that holds packages.
import type { ReactNode } from 'react';
import { CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, ListItem, ListItemText, Typography } from '@mui/material';
import { PackageChips } from './PackageChips';

export function EmployeeDialog(props: { id: string; title: string; onClose(): void; actions: ReactNode; children: ReactNode }) {
  return (
    <Dialog open onClose={props.onClose} aria-labelledby={props.id} maxWidth="sm" fullWidth>
      <DialogTitle id={props.id}>{props.title}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>{props.actions}</DialogActions>
    </Dialog>
  );
}

export function LoadingLine({ text }: { text: string }) {
  return (
    <Typography role="status">
      <CircularProgress size={16} sx={{ mr: 1 }} />
      {text}
    </Typography>
  );
}

/** One party and the packages it holds. */
export function HolderItem(props: { primary: ReactNode; packageCodes: readonly string[]; testId?: string }) {
  return (
    <ListItem disableGutters data-testid={props.testId}>
      <ListItemText
        primary={props.primary}
        secondary={<PackageChips codes={props.packageCodes} />}
        slotProps={{ secondary: { component: 'div' } }}
      />
    </ListItem>
  );
}
