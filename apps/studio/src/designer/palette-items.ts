import type { StepKind } from "@baton/model";

/** The palette, in the order an analyst builds a process; the drag carries the kind. */
export const STEP_DRAG_TYPE = "application/x-baton-step";

export type PaletteItem = { kind: StepKind; label: string; hint: string };

export const paletteItems: PaletteItem[] = [
  { kind: "start", label: "Start", hint: "Where the process begins, with its start form" },
  { kind: "userTask", label: "User task", hint: "Work a person does, with a form" },
  { kind: "approval", label: "Approval", hint: "One or several approvers approve or reject" },
  { kind: "exclusiveGateway", label: "Decision", hint: "One path is taken, by its condition" },
  { kind: "parallelGateway", label: "Parallel split / join", hint: "All paths run at once, then wait for each other" },
  { kind: "inclusiveGateway", label: "Inclusive split / join", hint: "Every path whose condition holds runs; the join waits for those taken" },
  { kind: "timer", label: "Wait", hint: "Waits for a duration or until a date" },
  { kind: "messageCatch", label: "Wait for a message", hint: "Waits until another system sends a message with this request's key" },
  { kind: "eventBasedGateway", label: "First event wins", hint: "Waits for whichever comes first: a message or a timer after it" },
  { kind: "notify", label: "Notify", hint: "Alerts a user or a group" },
  { kind: "serviceCall", label: "Service call", hint: "Calls another system over HTTP" },
  { kind: "callActivity", label: "Call a process", hint: "Runs another process and waits for it" },
  { kind: "end", label: "End", hint: "Where the process finishes" },
];

export function readStepDrag(data: Pick<DataTransfer, "getData">): StepKind | null {
  const kind = data.getData(STEP_DRAG_TYPE);
  return paletteItems.some((i) => i.kind === kind) ? (kind as StepKind) : null;
}
