import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";

type Props = { children: ReactNode; resetKey?: string };
type State = { failed: boolean; resetKey?: string };

/**
 * Catches a crash while rendering a page and shows a calm message instead
 * of a blank screen or a stack trace; moving to another page resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools; the participant sees the message below.
    console.error("Baton portal crashed while rendering", error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state-card" role="alert">
        <h1 className="state-title">Something went wrong on this page</h1>
        <p className="muted">
          Your saved drafts are safe. Reload the page to try again; if it keeps happening, tell your
          Baton administrator what you were doing.
        </p>
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <a className="btn btn-secondary" href={`${import.meta.env.BASE_URL}`}>
            Go to the inbox
          </a>
        </div>
      </div>
    );
  }
}
