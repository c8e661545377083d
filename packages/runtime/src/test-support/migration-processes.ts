import type { ProcessDefinitionInput } from "@baton/model";

/**
 * A desk process whose start form's `route` sends each instance to one kind
 * of waiting step (a task, an approval with votes, a timer, a pending
 * service call, two parallel branches), so migration tests can hold
 * instances at every kind of active step. `v2` renames the task, the timer
 * and the call (the admin maps them), asks for a `priority` at the start and adds a stage "check" whose form
 * shows it (no v1 instance has one), and keeps the rest by id;
 * `withoutApproval` drops the approval, which nothing can replace.
 */
const at = { x: 0, y: 0 };
const textForm = { schemaVersion: 1 as const, blocks: [{ id: "note", type: "text" as const, key: "note", label: "Note" }] };
const routeForm = { schemaVersion: 1 as const, blocks: [{ id: "route", type: "text" as const, key: "route", label: "Route" }] };
const staff = { type: "user" as const, user: "sam" };

type Names = { triage: string; cool: string; ping: string };

function desk(key: string, ids: Names, options: { newStage?: boolean; approval?: boolean; pingUrl: string }): ProcessDefinitionInput {
  const approval = options.approval !== false;
  const steps: ProcessDefinitionInput["steps"] = [
    // v2 asks for a priority at the start, which the new stage shows: v1's instances never had one.
    { id: "start", kind: "start", name: "Request", position: at, starters: [], form: options.newStage ? { ...routeForm, blocks: [...routeForm.blocks, { id: "priority", type: "text" as const, key: "priority", label: "Priority" }] } : routeForm },
    { id: "route", kind: "exclusiveGateway", name: "Route", position: at },
    { id: ids.triage, kind: "userTask", name: ids.triage === "triage" ? "Triage" : "Assess", position: at, assignment: staff, form: textForm },
    { id: ids.cool, kind: "timer", name: "Cool down", position: at, timer: { type: "duration", duration: "P1D" } },
    { id: ids.ping, kind: "serviceCall", name: "Ping the CRM", position: at, request: { method: "GET", url: options.pingUrl }, retries: 0, timeoutSeconds: 5 },
    { id: "split", kind: "parallelGateway", name: "", position: at },
    { id: "left", kind: "userTask", name: "Left", position: at, assignment: staff, form: textForm },
    { id: "right", kind: "userTask", name: "Right", position: at, assignment: staff, form: textForm },
    { id: "join", kind: "parallelGateway", name: "", position: at },
    { id: "done", kind: "end", name: "Done", position: at },
  ];
  const connections: ProcessDefinitionInput["connections"] = [
    { id: "c-start", source: "start", target: "route" },
    { id: "c-task", source: "route", target: ids.triage, isDefault: true },
    { id: "c-timer", source: "route", target: ids.cool, condition: `route = "timer"` },
    { id: "c-call", source: "route", target: ids.ping, condition: `route = "call"` },
    { id: "c-par", source: "route", target: "split", condition: `route = "parallel"` },
    { id: "c-cool", source: ids.cool, target: ids.triage },
    { id: "c-ping", source: ids.ping, target: "done" },
    { id: "c-left", source: "split", target: "left" },
    { id: "c-right", source: "split", target: "right" },
    { id: "c-left-join", source: "left", target: "join" },
    { id: "c-right-join", source: "right", target: "join" },
    { id: "c-join", source: "join", target: "done" },
  ];
  if (options.newStage) {
    steps.push({
      id: "check",
      kind: "userTask",
      name: "Quality check",
      position: at,
      assignment: staff,
      form: { schemaVersion: 1, blocks: [{ id: "prio", type: "display", label: "Priority", variable: "priority" }, { id: "ok", type: "text", key: "checked", label: "Checked" }] },
    });
    connections.push({ id: "c-triage", source: ids.triage, target: "check" }, { id: "c-check", source: "check", target: "done" });
  } else {
    connections.push({ id: "c-triage", source: ids.triage, target: "done" });
  }
  if (approval) {
    steps.push({
      id: "visa",
      kind: "approval",
      name: "Visa",
      position: at,
      approvers: { type: "group", group: "credit-committee" },
      several: { mode: "parallel", rule: { type: "all" } },
      fourEyes: true,
      resultVariable: "approval",
    });
    connections.push({ id: "c-visa", source: "route", target: "visa", condition: `route = "approval"` }, { id: "c-visa-done", source: "visa", target: "done" });
  }
  return { schemaVersion: 1, key, name: "Migration desk", steps, connections };
}

export const deskV1 = (key: string, pingUrl: string) => desk(key, { triage: "triage", cool: "cool", ping: "ping" }, { pingUrl });
export const deskV2 = (key: string, pingUrl: string) => desk(key, { triage: "assess", cool: "coolDown", ping: "pingCrm" }, { newStage: true, pingUrl });
export const deskWithoutApproval = (key: string, pingUrl: string) => desk(key, { triage: "triage", cool: "cool", ping: "ping" }, { approval: false, pingUrl });
/** The choices the admin makes for v1 → v2. */
export const deskMapping = { triage: "assess", cool: "coolDown", ping: "pingCrm" };
