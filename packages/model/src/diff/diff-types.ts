import type { FieldType } from "../form-definition.ts";
import type { StepKind } from "../process-definition.ts";

/**
 * What changed between two versions of a process, as plain data: the
 * studio lists it and highlights it on the two diagrams, `releaseNoteOf`
 * turns it into words, and migration reads which steps still exist. Steps
 * and connections are matched by id, form fields by key. Layout (positions,
 * sizes) is not a change of behaviour and is only flagged.
 */
export type StepRef = { id: string; name: string; kind: StepKind };

export type StepAspect =
  | "name"
  | "kind"
  | "assignment"
  | "due"
  | "escalations"
  | "form"
  | "outputs"
  | "conditions"
  | "nextSteps"
  | "place"
  | "setting";

/** One aspect of a step that differs; `label` names it for people, `before`/`after` are readable values. */
export type AspectChange = { aspect: StepAspect; label: string; before: string; after: string };

export type StepChange = StepRef & { changes: AspectChange[] };

export type ConnectionRef = {
  id: string;
  source: string;
  target: string;
  /** Names of the source and target steps as drawn in that version. */
  sourceName: string;
  targetName: string;
  label?: string;
  condition?: string;
  isDefault?: boolean;
};

export type ConnectionAspect = "source" | "target" | "condition" | "label" | "default";

export type ConnectionChange = { id: string; before: ConnectionRef; after: ConnectionRef; changes: ConnectionAspect[] };

export type FieldRef = { key: string; label: string; type: FieldType; required: boolean };

/** The form fields of one step present in both versions. */
export type FormChange = {
  step: StepRef;
  added: FieldRef[];
  removed: FieldRef[];
  retyped: { key: string; label: string; before: FieldType; after: FieldType }[];
  requiredChanged: { key: string; label: string; before: boolean; after: boolean }[];
};

export type PackageDiff = {
  process: AspectChange[];
  steps: { added: StepRef[]; removed: StepRef[]; changed: StepChange[] };
  connections: { added: ConnectionRef[]; removed: ConnectionRef[]; changed: ConnectionChange[] };
  forms: FormChange[];
  variables: { added: string[]; removed: string[] };
  /** Steps moved or resized on the diagram (not listed as changes). */
  layoutChanged: boolean;
  /** Nothing but (at most) the layout differs. */
  unchanged: boolean;
};
