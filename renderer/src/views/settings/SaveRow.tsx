// The save step every settings form shares: its state, the submit button with the form's own extra buttons,
// the confirmation once saved, and the error's details when it was not.
import { useState, type ReactNode } from 'react';
import { Alert, Box, Button } from '@mui/material';
import { ErrorDetails } from '../../components/ErrorDetails';

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: unknown };

/** Runs one save at a time and remembers how it went; `reset` when the person edits the form again. */
export function useSave(): { state: SaveState; run: (save: () => Promise<unknown>) => Promise<void>; reset: () => void } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = async (save: () => Promise<unknown>): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      await save();
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}

export function SaveRow(props: {
  state: SaveState;
  submitLabel: string;
  savedText: string;
  failedTitle: string;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { state } = props;
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Button type="submit" variant="contained" disabled={props.disabled === true || state.kind === 'saving'}>
          {props.submitLabel}
        </Button>
        {props.children}
        {state.kind === 'saved' && (
          <Alert severity="success" role="status" sx={{ py: 0 }}>
            {props.savedText}
          </Alert>
        )}
      </Box>
      {state.kind === 'failed' && <ErrorDetails error={state.error} title={props.failedTitle} />}
    </>
  );
}
