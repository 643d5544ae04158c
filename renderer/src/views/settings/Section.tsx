import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

/** A titled block of the settings page; the heading names the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography id={id} variant="h6" component="h3">
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  );
}
