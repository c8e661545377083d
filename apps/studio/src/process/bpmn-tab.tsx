import { lazy, Suspense, type ReactNode } from "react";
import type { ProcessDefinition } from "@baton/model";
import { Spinner } from "../ui/Spinner.tsx";

// bpmn-js is large: the BPMN view loads when its tab is first opened.
const DefinitionBpmnPanel = lazy(() => import("../bpmn/index.ts").then((m) => ({ default: m.DefinitionBpmnPanel })));

/**
 * The "BPMN" tab of the process page: the definition on the page (unsaved
 * edits included) exported with `exportBpmn` and drawn by bpmn-js, with
 * the file to download (apps/studio/src/bpmn).
 */
export function bpmnTab(definition: ProcessDefinition): ReactNode {
  return (
    <div className="bpmn-tab">
      <Suspense fallback={<Spinner label="Loading the BPMN view…" />}>
        <DefinitionBpmnPanel definition={definition} />
      </Suspense>
    </div>
  );
}
