import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the user sees for this record if it cannot be shown, e.g. the fallback UI. */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps one bad record from blanking the whole window: a record of the wrong shape already in the
 * store (written by an older version, another tool, or a restore before types were checked) makes
 * React throw while rendering it; only that record's part of the screen is replaced.
 */
export class RecordErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A record could not be shown', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** A record's title for messages: its title when it is text, else its id. */
export function describeRecord(record: { id: string; title?: unknown } | undefined, id: string): string {
  const title = record?.title;
  return typeof title === 'string' && title.trim() ? `“${title.trim().slice(0, 80)}”` : `with id ${id}`;
}
