import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { CircularProgress } from '@mui/material';
import type { StepStatus } from './step-status';

/** Decorative: the status is also in the button's text. */
export function StatusIcon({ status }: { status: StepStatus }) {
  switch (status) {
    case 'running':
      return <CircularProgress size={18} aria-hidden />;
    case 'ok':
    case 'expected':
      return <CheckCircleOutline fontSize="small" color="success" aria-hidden />;
    case 'failed':
      return <ErrorOutline fontSize="small" color="error" aria-hidden />;
    case 'unexpected':
      return <ReportProblemOutlined fontSize="small" color="warning" aria-hidden />;
    default:
      return <RadioButtonUnchecked fontSize="small" color="disabled" aria-hidden />;
  }
}
