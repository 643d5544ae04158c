import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Box } from '@mui/material';
import { ErrorDetails } from '../components/ErrorDetails';

interface Props {
  children: ReactNode;
  title: string;
  /** Changing this key (e.g. the view id) clears a previous failure. */
  resetKey?: string;
}
interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('View crashed', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Box sx={{ p: 3 }}>
          <ErrorDetails error={this.state.error} title={this.props.title} onRetry={() => this.setState({ error: null })} />
        </Box>
      );
    }
    return this.props.children;
  }
}
