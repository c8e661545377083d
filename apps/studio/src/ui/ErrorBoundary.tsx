import { Component, type ErrorInfo, type ReactNode } from "react";

type Props = { children: ReactNode };
type State = { error: Error | null };

/**
 * Catches a crash while rendering a screen and shows a calm page instead of
 * a blank one. The route wraps it with a `key`, so moving elsewhere resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for whoever reports the problem.
    console.error("Studio screen crashed", error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty-state error-state" role="alert">
        <h2 className="empty-state-title">This screen ran into a problem</h2>
        <p className="empty-state-body">
          Nothing you saved is lost. Reload the page to try again; if it keeps happening, tell your Baton
          administrator what you were doing.
        </p>
        <details className="error-details">
          <summary>Technical details</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="empty-state-actions">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="btn btn-secondary" href={import.meta.env.BASE_URL}>
            Back to processes
          </a>
        </div>
      </div>
    );
  }
}
