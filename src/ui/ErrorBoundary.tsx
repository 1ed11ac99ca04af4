import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { retryFailedChunks } from './lazy-retry';

interface Props {
  /** What stands in for the children after a render error; `retry` renders them again. */
  fallback: (error: unknown, retry: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Catches what the children throw while rendering, a lazy chunk that did not arrive included, so
 * one broken part does not blank the frame. Retry renders the children again; the app's lazy
 * components (ui/lazy-retry) then import their chunk anew.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('Consultoria: a part of the app failed to render', error);
  }

  retry = () => {
    retryFailedChunks();
    this.setState({ error: null, failed: false });
  };

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}

/** A part of the frame (a lazy section) whose failure stays in it: the usual translated notice with Retry. */
export function Contained({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error, retry) => <ErrorNotice error={error} onRetry={retry} />}>{children}</ErrorBoundary>;
}
