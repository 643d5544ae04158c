// The client grid's cell parts as plain elements: a screen of rows re-renders on every keystroke of a search,
// and a MUI Chip, Checkbox or Tooltip per cell costs a styled component (and its style work) each time. Their
// look comes from one rule per column (`cellSx`, applied by the grid to every row at once), in the theme's colours.
import type { ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material';

type Tone = 'default' | 'outlined' | 'info' | 'warning';

export interface ChipProps {
  children: ReactNode;
  tone?: Tone;
  /** May get narrower than its text (cut with an ellipsis), so a second chip beside it stays whole. */
  shrink?: boolean;
  /** The code's expansion: the chip becomes an abbreviation with it as its title. */
  abbr?: string;
  ariaLabel?: string;
  testId?: string;
}

/** A small chip as a span (or an `abbr`), styled by the column's `cellStyles.chips`. */
export function Chip({ children, tone = 'default', shrink, abbr, ariaLabel, testId }: ChipProps) {
  const common = { className: 'kd-chip', 'data-tone': tone, 'data-shrink': shrink || undefined, 'data-testid': testId };
  if (abbr !== undefined) {
    return (
      <abbr {...common} title={abbr}>
        {children}
      </abbr>
    );
  }
  return (
    <span {...common} aria-label={ariaLabel} title={ariaLabel}>
      <span className="kd-chip-label">{children}</span>
    </span>
  );
}

// The path of MUI's WarningAmberRounded, drawn inline: the same icon without an SvgIcon per row.
const WARNING_PATH =
  'M12 5.99 19.53 19H4.47zM2.74 18c-.77 1.33.19 3 1.73 3h15.06c1.54 0 2.5-1.67 1.73-3L13.73 4.99c-.77-1.33-2.69-1.33-3.46 0zM11 11v2c0 .55.45 1 1 1s1-.45 1-1v-2c0-.55-.45-1-1-1s-1 .45-1 1m0 5h2v2h-2z';

/** The AND-rule warning: an image with a name screen readers read and a title the mouse shows. */
export function AndRuleIcon({ text }: { text: string }) {
  return (
    <svg className="kd-warning" role="img" aria-label={text} viewBox="0 0 24 24" focusable="false" data-testid="and-rule-warning">
      <title>{text}</title>
      <path d={WARNING_PATH} />
    </svg>
  );
}

const chip = {
  display: 'inline-flex',
  alignItems: 'center',
  flexShrink: 0,
  maxWidth: '100%',
  height: 24,
  boxSizing: 'border-box',
  borderRadius: '12px',
  px: 1,
  fontSize: '0.8125rem',
  lineHeight: 1,
  whiteSpace: 'nowrap',
  textDecoration: 'none',
  cursor: 'default',
  color: 'text.primary',
  bgcolor: 'action.selected',
  '&[data-tone="outlined"]': {
    bgcolor: 'transparent',
    border: 1,
    borderColor: (theme: Theme) => (theme.palette.mode === 'light' ? theme.palette.grey[400] : theme.palette.grey[700]),
    px: '7px',
  },
  '&[data-tone="info"]': { bgcolor: 'info.main', color: 'info.contrastText' },
  '&[data-tone="warning"]': { bgcolor: 'warning.main', color: 'warning.contrastText' },
  '&[data-shrink]': { flexShrink: 1, minWidth: 0 },
  '& > .kd-chip-label': { overflow: 'hidden', textOverflow: 'ellipsis' },
};

export const cellStyles = {
  // Objects, not functions: the grid turns each column's rule into one selector for all its rows.
  chips: { '& .kd-chip': chip } as SxProps<Theme>,
  select: {
    px: 0.5,
    '& .kd-check': { display: 'inline-flex', p: '5px', cursor: 'pointer', borderRadius: '50%' },
    '& .kd-check:hover': { bgcolor: 'action.hover' },
    '& .kd-check > input': {
      width: 18,
      height: 18,
      m: 0,
      cursor: 'pointer',
      accentColor: (theme: Theme) => theme.palette.primary.main,
    },
    '& .kd-check > input:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '2px' },
  } as SxProps<Theme>,
  andRule: {
    '& .kd-warning': { width: 20, height: 20, flexShrink: 0, fill: (theme: Theme) => theme.palette.warning.main },
  } as SxProps<Theme>,
};
