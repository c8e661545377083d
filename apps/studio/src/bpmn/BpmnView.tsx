import { AlertTriangle } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import "./bpmn.css";

type Props = {
  /** BPMN 2.0 XML to show, e.g. `studio.exportBpmn`'s `xml`. */
  xml: string;
  className?: string;
  /** Told after each render: the import warnings bpmn-js reported (none is the goal). */
  onRendered?: (warnings: string[]) => void;
  /** CSS classes to put on elements by BPMN id (bpmn-js markers), e.g. a diff's highlights. */
  markers?: Record<string, string>;
  /** What the diagram shows, for screen readers (default "BPMN diagram"). */
  label?: string;
};

type State = { status: "loading" } | { status: "shown"; warnings: string[] } | { status: "failed"; message: string; warnings: string[] };

/**
 * A read-only BPMN diagram, drawn by bpmn-js's NavigatedViewer (pan with
 * the mouse, zoom with Ctrl + wheel). bpmn-js and its styles are loaded on
 * first use, as a chunk of their own. Import warnings are shown as a notice
 * and counted in `data-import-warnings` on the root element, so tests (and
 * people) can see that Baton's export opens in bpmn-js as drawn.
 */
export function BpmnView({ xml, className, onRendered, markers, label = "BPMN diagram" }: Props) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ status: "loading" });
  const reported = useRef(onRendered);
  reported.current = onRendered;
  const marked = useRef(markers);
  marked.current = markers;

  useEffect(() => {
    let disposed = false;
    let viewer: { destroy(): void } | undefined;
    setState({ status: "loading" });
    (async () => {
      const [{ default: NavigatedViewer }] = await Promise.all([
        import("bpmn-js/lib/NavigatedViewer"),
        import("bpmn-js/dist/assets/diagram-js.css"),
        import("bpmn-js/dist/assets/bpmn-js.css"),
      ]);
      if (disposed || !canvasRef.current) return;
      const instance = new NavigatedViewer({ container: canvasRef.current });
      viewer = instance;
      try {
        const { warnings } = await instance.importXML(xml);
        if (disposed) return;
        // Fit and centre, then leave a margin so shapes do not touch the frame.
        const canvas = instance.get("canvas") as { zoom(level?: string | number, center?: "auto"): number; addMarker(id: string, marker: string): void };
        const registry = instance.get("elementRegistry") as { get(id: string): unknown };
        for (const [id, marker] of Object.entries(marked.current ?? {})) if (registry.get(id)) canvas.addMarker(id, marker);
        canvas.zoom("fit-viewport", "auto");
        canvas.zoom(canvas.zoom() * 0.92, "auto");
        const texts = warnings.map(warningText);
        setState({ status: "shown", warnings: texts });
        reported.current?.(texts);
      } catch (error) {
        if (disposed) return;
        const texts = ((error as { warnings?: unknown[] }).warnings ?? []).map(warningText);
        setState({ status: "failed", message: (error as Error).message, warnings: texts });
        reported.current?.(texts);
      }
    })().catch((error: unknown) => {
      if (!disposed) setState({ status: "failed", message: `The BPMN viewer could not be loaded: ${(error as Error).message}`, warnings: [] });
    });
    return () => {
      disposed = true;
      viewer?.destroy();
    };
  }, [xml]);

  const warnings = state.status === "loading" ? [] : state.warnings;
  return (
    <div
      className={["bpmn-view", className ?? ""].filter(Boolean).join(" ")}
      data-status={state.status}
      data-import-warnings={state.status === "loading" ? undefined : warnings.length}
    >
      {state.status === "failed" && (
        <p className="callout callout-error" role="alert">
          <AlertTriangle size={16} aria-hidden="true" />
          <span>The diagram could not be drawn: {state.message}</span>
        </p>
      )}
      {warnings.length > 0 && (
        <details className="callout callout-warning bpmn-view-warnings" role="status">
          <summary>
            <AlertTriangle size={16} aria-hidden="true" />
            bpmn-js reported {warnings.length} warning{warnings.length === 1 ? "" : "s"} while drawing this diagram
          </summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {state.status === "loading" && (
        <div className="loading bpmn-view-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>Drawing the BPMN diagram…</span>
        </div>
      )}
      <div ref={canvasRef} className="bpmn-view-canvas" aria-label={label} role="img" />
    </div>
  );
}

/** bpmn-js warnings are Errors (or strings, per its types); show their message. */
function warningText(warning: unknown): string {
  if (typeof warning === "string") return warning;
  return (warning as { message?: string })?.message ?? String(warning);
}
