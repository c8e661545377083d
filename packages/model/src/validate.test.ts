import { describe, expect, test } from "vitest";
import type { FormBlock } from "./form-definition.ts";
import { leadToCustomer } from "./fixtures/lead-to-customer.ts";
import type { ProcessDefinitionInput } from "./process-definition.ts";
import { type Problem, type ProblemCode, problemCodes } from "./problems.ts";
import { hasErrors, validate, type ValidateOptions } from "./validate.ts";
import { isHttpUrl } from "./validation/http-url.ts";

type Def = ProcessDefinitionInput;
type StepInput = Def["steps"][number];
type Kind<K extends StepInput["kind"]> = Extract<StepInput, { kind: K }>;

function step<K extends StepInput["kind"]>(def: Def, id: string, kind: K): Kind<K> {
  const found = def.steps.find((s) => s.id === id);
  if (!found || found.kind !== kind) throw new Error(`fixture has no ${kind} "${id}"`);
  return found as Kind<K>;
}
function connection(def: Def, id: string) {
  const found = def.connections.find((c) => c.id === id);
  if (!found) throw new Error(`fixture has no connection "${id}"`);
  return found;
}
function removeConnection(def: Def, id: string) {
  def.connections = def.connections.filter((c) => c.id !== id);
}
const at = { x: 0, y: 0 };
/** Turns the task `id` into an (empty) embedded sub-process, keeping its connections. */
function toSubProcess(def: Def, id: string) {
  const task = step(def, id, "userTask") as unknown as Record<string, unknown>;
  for (const key of ["assignment", "due", "form", "outputs", "escalations"]) delete task[key];
  task.kind = "subProcess";
}
/** The welcome call as a sub-process with a start and an end inside. */
function insideWelcome(def: Def) {
  toSubProcess(def, "welcome");
  def.steps.push({ id: "w-start", kind: "start", position: at, parent: "welcome" }, { id: "w-end", kind: "end", position: at, parent: "welcome" });
  def.connections.push({ id: "c-inside", source: "w-start", target: "w-end" });
}

describe("validate: the lead-to-customer process", () => {
  test("has no problems at all", () => {
    expect(validate(leadToCustomer())).toEqual([]);
  });

  test("does not change its input", () => {
    const def = leadToCustomer();
    validate(def);
    expect(def).toEqual(leadToCustomer());
  });
});

type Case = {
  code: ProblemCode;
  title: string;
  breakIt: (def: Def) => void;
  expected: Partial<Problem>;
  /** A piece of the message, to show it names the thing in words. */
  says: string;
  options?: ValidateOptions;
};

const cases: Case[] = [
  {
    code: "schema.invalid",
    title: "a task form field without label",
    breakIt: (def) => {
      const field = step(def, "ship", "userTask").form.blocks[1] as Record<string, unknown>;
      delete field.label;
    },
    expected: { stepId: "ship", fieldId: "f-tracking", path: ["steps", 4, "form", "blocks", 1, "label"] },
    says: 'Step "Ship order", form field "f-tracking", label: is required.',
  },
  {
    code: "step.duplicate-id",
    title: "two steps with one id",
    breakIt: (def) => {
      def.steps.push({ id: "ship", kind: "end", name: "Shipped", position: at });
    },
    expected: { stepId: "ship", path: ["steps", 9, "id"] },
    says: 'End "Shipped" has the id "ship", which Task "Ship order" already uses.',
  },
  {
    code: "connection.duplicate-id",
    title: "two connections with one id",
    breakIt: (def) => {
      connection(def, "c-welcome").id = "c-ship";
    },
    expected: { connectionId: "c-ship", path: ["connections", 6, "id"] },
    says: 'has the id "c-ship", which another connection already uses',
  },
  {
    code: "connection.unknown-source",
    title: "a connection from nowhere",
    breakIt: (def) => {
      def.connections.push({ id: "c-ghost", source: "ghost", target: "join" });
    },
    expected: { connectionId: "c-ghost", path: ["connections", 10, "source"] },
    says: 'starts at a step that does not exist ("ghost")',
  },
  {
    code: "connection.unknown-target",
    title: "a connection to nowhere",
    breakIt: (def) => {
      connection(def, "c-end").target = "nirvana";
    },
    expected: { connectionId: "c-end" },
    says: 'leads to a step that does not exist ("nirvana")',
  },
  {
    code: "connection.into-start",
    title: "a connection into the start",
    breakIt: (def) => {
      connection(def, "c-again").target = "start";
    },
    expected: { connectionId: "c-again", stepId: "start" },
    says: 'Connection "Call again" from Decision "Outcome?" to Start "New lead" leads into the start',
  },
  {
    code: "connection.out-of-end",
    title: "a connection out of an end",
    breakIt: (def) => {
      def.connections.push({ id: "c-revive", source: "lost", target: "call-back" });
    },
    expected: { connectionId: "c-revive", stepId: "lost" },
    says: 'from End "Lost" to Task "Call back" leaves an end',
  },
  {
    code: "connection.self-loop",
    title: "a connection from a step to itself",
    breakIt: (def) => {
      connection(def, "c-again").target = "outcome";
    },
    expected: { connectionId: "c-again", stepId: "outcome" },
    says: "leads back into the same step",
  },
  {
    code: "process.no-start",
    title: "no start",
    breakIt: (def) => {
      def.steps = def.steps.filter((s) => s.kind !== "start");
      removeConnection(def, "c-start");
    },
    expected: {},
    says: "The process has no start.",
  },
  {
    code: "process.several-starts",
    title: "two starts",
    breakIt: (def) => {
      def.steps.push({ id: "start-2", kind: "start", name: "Web lead", position: at });
      def.connections.push({ id: "c-start-2", source: "start-2", target: "call-back" });
    },
    expected: { stepId: "start-2" },
    says: 'Start "Web lead" is one of 2 starts',
  },
  {
    code: "process.no-end",
    title: "no end",
    breakIt: (def) => {
      def.steps = def.steps.filter((s) => s.kind !== "end");
      def.connections = def.connections.filter((c) => c.target !== "customer" && c.target !== "lost");
    },
    expected: {},
    says: "The process has no end.",
  },
  {
    code: "step.unreachable",
    title: "a task only an orphan leads to",
    breakIt: (def) => {
      const ship = step(def, "ship", "userTask");
      def.steps.push({ ...ship, id: "orphan", name: "Orphan" }, { ...ship, id: "follow-up", name: "Follow up" });
      def.connections.push(
        { id: "c-orphan", source: "orphan", target: "follow-up" },
        { id: "c-follow-up", source: "follow-up", target: "customer" },
      );
    },
    expected: { stepId: "follow-up" },
    says: 'Task "Follow up" cannot be reached from the start.',
  },
  {
    code: "step.dead-end",
    title: "a loop with no way out",
    breakIt: (def) => {
      // Not interested now leads into a loop of two tasks that never ends.
      const callBack = step(def, "call-back", "userTask");
      def.steps.push(
        { ...callBack, id: "nag-1", name: "Nag once", outputs: undefined },
        { ...callBack, id: "nag-2", name: "Nag again", outputs: undefined },
      );
      connection(def, "c-lost").target = "nag-1";
      def.connections.push(
        { id: "c-nag", source: "nag-1", target: "nag-2" },
        { id: "c-nag-back", source: "nag-2", target: "nag-1" },
      );
    },
    expected: { stepId: "nag-1" },
    says: 'Task "Nag once" is a dead end: no path leads from it to an end.',
  },
  {
    code: "step.no-incoming",
    title: "a task nobody connects to",
    breakIt: (def) => {
      def.steps.push({ ...step(def, "ship", "userTask"), id: "orphan", name: "Orphan" });
      def.connections.push({ id: "c-orphan", source: "orphan", target: "customer" });
    },
    expected: { stepId: "orphan" },
    says: 'Task "Orphan" has no incoming connection',
  },
  {
    code: "step.no-outgoing",
    title: "a task that leads nowhere",
    breakIt: (def) => {
      removeConnection(def, "c-shipped");
    },
    expected: { stepId: "ship" },
    says: 'Task "Ship order" has no outgoing connection',
  },
  {
    code: "task.several-outgoing",
    title: "a task with two outgoing connections",
    breakIt: (def) => {
      def.connections.push({ id: "c-shortcut", source: "call-back", target: "lost" });
    },
    expected: { stepId: "call-back" },
    says: 'Task "Call back" has 2 outgoing connections but may have only one.',
  },
  {
    code: "decision.no-default",
    title: "a decision without default",
    breakIt: (def) => {
      const c = connection(def, "c-again");
      c.isDefault = false;
      c.condition = 'outcome = "callAgain"';
    },
    expected: { stepId: "outcome", severity: "warning" },
    says: 'Decision "Outcome?" has no default connection. If no condition matches at runtime, the process stops with an incident.',
  },
  {
    code: "decision.several-defaults",
    title: "a decision with two defaults",
    breakIt: (def) => {
      connection(def, "c-lost").isDefault = true;
      delete connection(def, "c-lost").condition;
    },
    expected: { stepId: "outcome" },
    says: 'Decision "Outcome?" has 2 default connections',
  },
  {
    code: "decision.missing-condition",
    title: "a decision branch without condition",
    breakIt: (def) => {
      connection(def, "c-lost").condition = "   ";
    },
    expected: { stepId: "outcome", connectionId: "c-lost", path: ["connections", 3, "condition"] },
    says: 'Connection "Not interested" from Decision "Outcome?" to End "Lost" leaves Decision "Outcome?" without a condition.',
  },
  {
    code: "decision.single-outgoing",
    title: "a decision with only one way out",
    breakIt: (def) => {
      removeConnection(def, "c-converted");
      removeConnection(def, "c-lost");
    },
    expected: { stepId: "outcome" },
    says: 'Decision "Outcome?" has only one outgoing connection',
  },
  {
    code: "decision.default-with-condition",
    title: "a default that also has a condition",
    breakIt: (def) => {
      connection(def, "c-again").condition = 'outcome = "callAgain"';
    },
    expected: { stepId: "outcome", connectionId: "c-again", severity: "warning" },
    says: "so its condition is ignored",
  },
  {
    code: "connection.default-outside-decision",
    title: "a default after a task",
    breakIt: (def) => {
      connection(def, "c-call").isDefault = true;
    },
    expected: { connectionId: "c-call", stepId: "call-back", severity: "warning" },
    says: "is marked as default",
  },
  {
    code: "connection.condition-outside-decision",
    title: "a condition after a parallel split",
    breakIt: (def) => {
      connection(def, "c-ship").condition = "amount > 0";
    },
    expected: { connectionId: "c-ship", stepId: "split", path: ["connections", 5, "condition"] },
    says: "only connections leaving a decision or an inclusive gateway are chosen by condition",
  },
  {
    code: "expression.syntax",
    title: "a condition written with ==",
    breakIt: (def) => {
      connection(def, "c-converted").condition = 'outcome == "converted"';
    },
    expected: { connectionId: "c-converted", offset: 8, path: ["connections", 2, "condition"] },
    says: 'The condition of connection "Converted" from Decision "Outcome?" to Parallel gateway "Fulfil" is not a valid expression. Syntax error at column 9 near "==": compare with a single = (and != for not equal).',
  },
  {
    code: "parallel.mismatched",
    title: "a parallel gateway with one way in and one way out",
    breakIt: (def) => {
      removeConnection(def, "c-welcome");
      removeConnection(def, "c-welcomed");
      def.steps = def.steps.filter((s) => s.id !== "welcome");
    },
    expected: { stepId: "split" },
    says: 'Parallel gateway "Fulfil" has 1 incoming and 1 outgoing connection.',
  },
  {
    code: "form.duplicate-key",
    title: "two fields with one key in different sections",
    breakIt: (def) => {
      const blocks = step(def, "start", "start").form?.blocks ?? [];
      blocks.push({ id: "f-name-2", type: "text", key: "name", label: "Contact name" });
    },
    expected: { stepId: "start", fieldId: "f-name-2", path: ["steps", 0, "form", "blocks", 4, "key"] },
    says: 'Field "Contact name" in the start form of Start "New lead" has the key "name", which field "Name" already uses.',
  },
  {
    code: "form.duplicate-field-id",
    title: "two blocks with one id",
    breakIt: (def) => {
      const extra: FormBlock = {
        id: "sec-extra",
        type: "section",
        title: "Extra",
        children: [{ id: "f-phone", type: "phone", key: "mobile", label: "Mobile", required: false }],
      };
      step(def, "start", "start").form?.blocks.push(extra);
    },
    expected: { stepId: "start", fieldId: "f-phone", path: ["steps", 0, "form", "blocks", 4, "children", 0, "id"] },
    says: 'Field "Mobile" in the start form of Start "New lead" has the id "f-phone", which another block of the form already uses.',
  },
  {
    code: "form.select-no-options",
    title: "a select without options",
    breakIt: (def) => {
      const outcome = step(def, "call-back", "userTask").form.blocks[0] as { options: unknown[] };
      outcome.options = [];
    },
    expected: { stepId: "call-back", fieldId: "f-outcome" },
    says: 'Field "Outcome" in the form of Task "Call back" has no options to choose from.',
  },
  {
    code: "form.duplicate-option",
    title: "a select with one value twice",
    breakIt: (def) => {
      const outcome = step(def, "call-back", "userTask").form.blocks[0] as { options: unknown[] };
      outcome.options.push({ value: "converted", label: "Sold" });
    },
    expected: { stepId: "call-back", fieldId: "f-outcome", path: ["steps", 1, "form", "blocks", 0, "options", 3, "value"] },
    says: 'has the option value "converted" more than once',
  },
  {
    code: "sub-process.no-start",
    title: "a sub-process with nothing but an end inside",
    breakIt: (def) => {
      toSubProcess(def, "welcome");
      def.steps.push({ id: "w-end", kind: "end", position: at, parent: "welcome" });
    },
    expected: { stepId: "welcome", path: ["steps", 5] },
    says: 'Sub-process "Welcome call" has no start inside',
  },
  {
    code: "sub-process.no-end",
    title: "a sub-process with a start but no end inside",
    breakIt: (def) => {
      toSubProcess(def, "welcome");
      def.steps.push({ id: "w-start", kind: "start", position: at, parent: "welcome" });
    },
    expected: { stepId: "welcome", path: ["steps", 5] },
    says: "has no end inside",
  },
  {
    code: "step.unknown-parent",
    title: "a step placed inside a task",
    breakIt: (def) => {
      step(def, "ship", "userTask").parent = "call-back";
    },
    expected: { stepId: "ship", path: ["steps", 4, "parent"] },
    says: 'lies inside "call-back", which is task "Call back", not a sub-process',
  },
  {
    code: "step.inside-itself",
    title: "a sub-process placed inside itself",
    breakIt: (def) => {
      toSubProcess(def, "welcome");
      step(def, "welcome", "subProcess").parent = "welcome";
    },
    expected: { stepId: "welcome", path: ["steps", 5, "parent"] },
    says: "lies inside itself",
  },
  {
    code: "sub-process.start-with-form",
    title: "a start inside a sub-process that names who may start it",
    breakIt: (def) => {
      insideWelcome(def);
      step(def, "w-start", "start").starters = ["sales"];
    },
    expected: { stepId: "w-start", path: ["steps", 9] },
    says: "nobody fills in a form or is asked who may start there",
  },
  {
    code: "connection.crosses-border",
    title: "a connection from inside a sub-process to a step outside",
    breakIt: (def) => {
      insideWelcome(def);
      def.connections.push({ id: "c-out", source: "w-start", target: "join" });
    },
    expected: { connectionId: "c-out", stepId: "w-start" },
    says: 'crosses the border of sub-process "Welcome call"',
  },
  {
    code: "call.unknown-process",
    title: "a call of a process that was never published",
    breakIt: (def) => {
      const task = step(def, "call-back", "userTask") as unknown as Record<string, unknown>;
      for (const key of ["assignment", "due", "form", "outputs"]) delete task[key];
      Object.assign(task, { kind: "callActivity", processKey: "onboarding", inputs: [], outputs: [] });
    },
    options: { publishedProcesses: new Set(["lead-to-customer", "credit-application"]) },
    expected: { stepId: "call-back", path: ["steps", 1, "processKey"] },
    says: 'calls the process "onboarding", which is not published',
  },
  {
    code: "form.reserved-key",
    title: "a field whose key is a reserved name",
    breakIt: (def) => {
      const outcome = step(def, "call-back", "userTask").form.blocks[0] as { key: string };
      outcome.key = "initiator";
    },
    expected: { stepId: "call-back", fieldId: "f-outcome", path: ["steps", 1, "form", "blocks", 0, "key"] },
    says: 'has the key "initiator", a name Baton reserves',
  },
  {
    code: "process.unknown-time-zone",
    title: "a time zone that does not exist",
    breakIt: (def) => {
      (def as { timeZone: string }).timeZone = "Mars/Olympus";
    },
    expected: { path: ["timeZone"] },
    says: 'The time zone "Mars/Olympus" is unknown',
  },
  {
    code: "form.min-above-max",
    title: "a number field with minimum above maximum",
    breakIt: (def) => {
      const amount = step(def, "call-back", "userTask").form.blocks[1] as { maximum?: number };
      amount.maximum = -1;
    },
    expected: { stepId: "call-back", fieldId: "f-amount" },
    says: 'Field "Order amount" in the form of Task "Call back" has a minimum (0) above its maximum (-1)',
  },
  {
    code: "mapping.unknown-field",
    title: "an output mapping from a field the form does not have",
    breakIt: (def) => {
      step(def, "call-back", "userTask").outputs?.push({ from: "ammount", to: "total" });
    },
    expected: { stepId: "call-back", severity: "warning", path: ["steps", 1, "outputs", 3, "from"] },
    says: 'Task "Call back" copies "ammount" to "total", but its form has no field with the key "ammount"',
  },
  {
    code: "assignment.empty",
    title: "a task assigned to a blank group",
    breakIt: (def) => {
      step(def, "ship", "userTask").assignment = { type: "group", group: "  " };
    },
    expected: { stepId: "ship", path: ["steps", 4, "assignment", "group"] },
    says: 'Task "Ship order" is not assigned to anyone',
  },
  {
    code: "assignment.strategy-misplaced",
    title: "an escalation handing a task to a group by round robin",
    breakIt: (def) => {
      step(def, "ship", "userTask").escalations = [{ after: "P1D", action: "reassign", to: { type: "group", group: "managers", strategy: "roundRobin" } }];
    },
    expected: { stepId: "ship", path: ["steps", 4, "escalations", 0, "to", "strategy"] },
    says: 'Task "Ship order" hands escalation level 1 out by round robin, but only a user task\'s own assignment',
  },
  {
    code: "due.invalid-duration",
    title: "a due duration in words",
    breakIt: (def) => {
      step(def, "ship", "userTask").due = { type: "duration", duration: "2 days" };
    },
    expected: { stepId: "ship", path: ["steps", 4, "due", "duration"] },
    says: 'The due duration "2 days" of Task "Ship order" is not an ISO 8601 duration',
  },
  {
    code: "escalation.without-due",
    title: "an escalation on a task with no due date",
    breakIt: (def) => {
      const ship = step(def, "ship", "userTask");
      delete ship.due;
      ship.escalations = [{ after: "PT0S", action: "remind" }];
    },
    expected: { stepId: "ship", path: ["steps", 4, "escalations"] },
    says: 'Task "Ship order" escalates after its due date, but it has no due date',
  },
  {
    code: "escalation.no-recipient",
    title: "an escalation that reassigns to nobody",
    breakIt: (def) => {
      step(def, "ship", "userTask").escalations = [{ after: "P1D", action: "reassign", to: { type: "group", group: " " } }];
    },
    expected: { stepId: "ship", path: ["steps", 4, "escalations", 0, "to"] },
    says: 'Escalation level 1 (reassignment) of Task "Ship order" does not say who it goes to',
  },
  {
    code: "service.invalid-url",
    title: "a service call whose address was never filled in",
    breakIt: (def) => {
      const ship = step(def, "ship", "userTask") as unknown as Record<string, unknown>;
      for (const key of ["assignment", "due", "form", "outputs"]) delete ship[key];
      Object.assign(ship, { kind: "serviceCall", request: { method: "GET", url: "https://", headers: [] }, outputs: [], retries: 3, timeoutSeconds: 30 });
    },
    expected: { stepId: "ship", path: ["steps", 4, "request", "url"] },
    says: 'calls "https://", which is not a complete web address',
  },
  {
    code: "expression.syntax",
    title: "a notification e-mailing outside addresses from an expression that does not parse",
    breakIt: (def) => {
      const ship = step(def, "ship", "userTask") as unknown as Record<string, unknown>;
      for (const key of ["assignment", "due", "form", "outputs"]) delete ship[key];
      Object.assign(ship, { kind: "notify", recipients: { type: "group", group: "shipping" }, subject: "Shipped", message: "", emailTo: "[email," });
    },
    expected: { stepId: "ship", path: ["steps", 4, "emailTo"] },
    says: 'The e-mail addresses of Notification "Ship order" is not a valid expression',
  },
  {
    code: "service.body-on-get",
    title: "a service call sending a body with GET",
    breakIt: (def) => {
      const ship = step(def, "ship", "userTask") as unknown as Record<string, unknown>;
      for (const key of ["assignment", "due", "form", "outputs"]) delete ship[key];
      Object.assign(ship, { kind: "serviceCall", request: { method: "GET", url: "https://erp.example/orders", headers: [], body: "{ order: order }" }, outputs: [], retries: 3, timeoutSeconds: 30 });
    },
    expected: { stepId: "ship", path: ["steps", 4, "request", "body"] },
    says: "sends a body with GET, which HTTP does not carry",
  },
  {
    code: "form.rule-unknown-name",
    title: "a visible-if reading a key nothing provides",
    breakIt: (def) => {
      const callAgainOn = step(def, "call-back", "userTask").form.blocks[2] as { visibleIf?: string };
      callAgainOn.visibleIf = 'outcom = "callAgain"';
    },
    expected: { stepId: "call-back", fieldId: "f-call-again", severity: "warning", path: ["steps", 1, "form", "blocks", 2, "visibleIf"] },
    says: 'The visible-if rule of field "Call again on" in the form of Task "Call back" reads "outcom", which no field of this form nor an earlier step provides',
  },
  {
    code: "variable.type-conflict",
    title: "a later form writing a text variable as a number",
    breakIt: (def) => {
      Object.assign(step(def, "ship", "userTask").form.blocks[1]!, { type: "number", key: "rep" });
    },
    expected: { stepId: "ship", fieldId: "f-tracking", path: ["steps", 4, "form", "blocks", 1] },
    says: 'Task "Ship order" writes the variable "rep" as number (field "Tracking number" of type number), but Start "New lead" writes it as text (field "Sales representative" of type text)',
  },
  {
    code: "decision.unknown-variable",
    title: "a decision condition reading a misspelt variable",
    breakIt: (def) => {
      def.connections.find((c) => c.id === "c-lost")!.condition = 'outcom = "notInterested"';
    },
    expected: { stepId: "outcome", connectionId: "c-lost", severity: "warning", path: ["connections", 3, "condition"] },
    says: 'reads "outcom", which no step before Decision "Outcome?" provides',
  },
  {
    code: "form.unknown-variable",
    title: "a start form choice taking its options from a variable",
    breakIt: (def) => {
      step(def, "start", "start").form?.blocks.push({
        id: "f-branch",
        type: "select",
        key: "branch",
        label: "Branch",
        optionsFrom: { variable: "branches" },
      });
    },
    expected: { stepId: "start", fieldId: "f-branch", severity: "warning", path: ["steps", 0, "form", "blocks", 4, "optionsFrom", "variable"] },
    says: 'Field "Branch" in the start form of Start "New lead" takes its options from the variable "branches", which no earlier step provides (a start form runs before any variable exists).',
  },
  {
    code: "form.invalid-pattern",
    title: "a text pattern that is not a regular expression",
    breakIt: (def) => {
      const sec = step(def, "start", "start").form?.blocks[0] as { children: { pattern?: string }[] };
      sec.children[1]!.pattern = "[A-Z";
    },
    expected: { stepId: "start", fieldId: "f-company", path: ["steps", 0, "form", "blocks", 0, "children", 1, "pattern"] },
    says: 'Field "Company" in the start form of Start "New lead" has a pattern that is not a valid regular expression',
  },
  {
    code: "form.table-no-columns",
    title: "a repeating table without columns",
    breakIt: (def) => {
      step(def, "call-back", "userTask").form.blocks.push({ id: "f-lines", type: "table", key: "lines", label: "Order lines", columns: [] });
    },
    expected: { stepId: "call-back", fieldId: "f-lines", path: ["steps", 1, "form", "blocks", 3, "columns"] },
    says: 'Field "Order lines" in the form of Task "Call back" has no columns',
  },
  {
    code: "form.table-bad-total",
    title: "a table totalling a text column",
    breakIt: (def) => {
      step(def, "call-back", "userTask").form.blocks.push({
        id: "f-lines",
        type: "table",
        key: "lines",
        label: "Order lines",
        totalOf: "item",
        columns: [{ id: "c-item", type: "text", key: "item", label: "Item" }],
      });
    },
    expected: { stepId: "call-back", fieldId: "f-lines", path: ["steps", 1, "form", "blocks", 3, "totalOf"] },
    says: 'shows a total of column "Item", which holds text values',
  },
  {
    code: "form.unknown-currency",
    title: "an amount in a currency that does not exist",
    breakIt: (def) => {
      step(def, "call-back", "userTask").form.blocks.push({ id: "f-price", type: "currency", key: "price", label: "Price", currency: "EUX" });
    },
    expected: { stepId: "call-back", fieldId: "f-price", path: ["steps", 1, "form", "blocks", 3, "currency"] },
    says: 'Field "Price" in the form of Task "Call back" is in the currency "EUX", which is not an ISO 4217 currency',
  },
  {
    code: "boundary.unknown-host",
    title: "a boundary event on a step that is gone",
    breakIt: (def) => addBoundary(def, { attachedTo: "gone" }),
    expected: { stepId: "late", path: ["steps", 9, "attachedTo"] },
    says: 'Timer event "Too late" sits on a step that does not exist ("gone")',
  },
  {
    code: "boundary.invalid-host",
    title: "a boundary event on a decision",
    breakIt: (def) => addBoundary(def, { attachedTo: "outcome" }),
    expected: { stepId: "late", path: ["steps", 9, "attachedTo"] },
    says: 'Timer event "Too late" sits on decision "Outcome?", which does not wait while under way',
  },
  {
    code: "boundary.incoming",
    title: "a connection into a boundary event",
    breakIt: (def) => {
      addBoundary(def, {});
      def.connections.push({ id: "c-into-late", source: "ship", target: "late" });
    },
    expected: { stepId: "late", path: ["steps", 9] },
    says: "so nothing may lead into it",
  },
  {
    code: "boundary.several-outgoing",
    title: "a boundary event leaving two ways",
    breakIt: (def) => {
      addBoundary(def, {});
      def.connections.push({ id: "c-late-2", source: "late", target: "customer" });
    },
    expected: { stepId: "late", path: ["steps", 9] },
    says: 'Timer event "Too late" has 2 outgoing connections but may have only one',
  },
  {
    code: "boundary.error-not-interrupting",
    title: "an error event that lets its step go on",
    breakIt: (def) => addBoundary(def, { attachedTo: "ship", trigger: { type: "error" }, interrupting: false }),
    expected: { stepId: "late", path: ["steps", 9, "interrupting"] },
    says: "an error event always interrupts",
  },
  {
    code: "boundary.cycle-interrupting",
    title: "a repeating timer that interrupts",
    breakIt: (def) => addBoundary(def, { trigger: { type: "timer", timer: { type: "cycle", cycle: "R3/PT1H" } } }),
    expected: { stepId: "late", path: ["steps", 9, "interrupting"] },
    says: 'Timer event "Too late" repeats, but it interrupts its step',
  },
  {
    code: "boundary.invalid-cycle",
    title: "a cycle in words",
    breakIt: (def) => addBoundary(def, { interrupting: false, trigger: { type: "timer", timer: { type: "cycle", cycle: "every hour" } } }),
    expected: { stepId: "late", path: ["steps", 9, "trigger", "timer", "cycle"] },
    says: 'The cycle "every hour" of timer event "Too late" is not a repetition such as R3/PT1H',
  },
  {
    code: "boundary.duplicate-error",
    title: "two error events catching the same code on one step",
    breakIt: (def) => {
      addBoundary(def, { attachedTo: "ship", trigger: { type: "error", errorCode: "lost-parcel" } });
      addBoundary(def, { id: "late2", attachedTo: "ship", trigger: { type: "error", errorCode: "lost-parcel" } });
    },
    expected: { stepId: "late2", path: ["steps", 10, "trigger", "errorCode"] },
    says: 'catches the error "lost-parcel", as another event on the same step already does',
  },
  {
    code: "boundary.error-never-thrown",
    title: "an error event on a task, where nothing throws",
    breakIt: (def) => addBoundary(def, { trigger: { type: "error" } }),
    expected: { stepId: "late", severity: "warning", path: ["steps", 9, "attachedTo"] },
    says: 'Error event "Too late" waits for an error, but nothing inside task "Call back" throws one',
  },
  {
    code: "error.blank-code",
    title: "an error end without a code",
    breakIt: (def) => {
      Object.assign(step(def, "lost", "end"), { error: { code: " ", message: "" } });
    },
    expected: { stepId: "lost", path: ["steps", 8, "error", "code"] },
    says: 'Error end "Lost" throws an error without a code',
  },
  {
    code: "message.missing-name",
    title: "a message wait that does not name its message",
    breakIt: (def) => {
      addEventWait(def);
      (def.steps[10] as Kind<"messageCatch">).message.name = " ";
    },
    expected: { stepId: "reply", path: ["steps", 10, "message", "name"] },
    says: 'Message wait "Reply" does not say which message it waits for',
  },
  {
    code: "message.missing-key",
    title: "a message wait without a correlation key",
    breakIt: (def) => {
      addEventWait(def);
      (def.steps[10] as Kind<"messageCatch">).message.correlationKey = "";
    },
    expected: { stepId: "reply", path: ["steps", 10, "message", "correlationKey"] },
    says: 'Message wait "Reply" has no correlation key',
  },
  {
    code: "message.unknown-variable",
    title: "a correlation key reading a variable nothing provides",
    breakIt: (def) => {
      addEventWait(def);
      (def.steps[10] as Kind<"messageCatch">).message.correlationKey = "orderNumber";
    },
    expected: { stepId: "reply", severity: "warning", path: ["steps", 10, "message", "correlationKey"] },
    says: 'The correlation key of Message wait "Reply" reads "orderNumber", which no step before it provides',
  },
  {
    code: "event-gateway.invalid-target",
    title: "an event gateway leading to an end",
    breakIt: (def) => {
      addEventWait(def);
      def.connections.push({ id: "c-bad", source: "wait", target: "lost" });
    },
    expected: { stepId: "wait", connectionId: "c-bad", path: ["connections", 14, "target"] },
    says: 'leads from an event gateway to End "Lost"; an event gateway may only be followed by message waits and timers',
  },
  {
    code: "event-gateway.too-few-outgoing",
    title: "an event gateway with one way out",
    breakIt: (def) => {
      addEventWait(def);
      removeConnection(def, "c-pause");
    },
    expected: { stepId: "wait", path: ["steps", 9] },
    says: 'Event gateway "First reply" has only one outgoing connection',
  },
  {
    code: "event-gateway.duplicate-message",
    title: "an event gateway waiting for one message twice",
    breakIt: (def) => {
      addEventWait(def);
      def.steps[11] = { id: "pause", kind: "messageCatch", name: "Again", position: at, message: { name: "reply", correlationKey: "email" } };
    },
    expected: { stepId: "wait", connectionId: "c-pause", path: ["connections", 11, "target"] },
    says: 'waits for the message "reply" twice',
  },
  {
    code: "start-trigger.missing-message",
    title: "a message start without a message",
    breakIt: (def) => {
      step(def, "start", "start").trigger = { type: "message", message: "" };
    },
    expected: { stepId: "start", path: ["steps", 0, "trigger", "message"] },
    says: 'Start "New lead" starts on a message but does not say which',
  },
  {
    code: "start-trigger.invalid-cycle",
    title: "a timer start with a cycle that is no repetition",
    breakIt: (def) => {
      step(def, "start", "start").trigger = { type: "timer", timer: { type: "cycle", cycle: "every monday" } };
    },
    expected: { stepId: "start", path: ["steps", 0, "trigger", "timer", "cycle"] },
    says: 'The cycle "every monday" of Start "New lead" is not a repetition',
  },
  {
    code: "start-trigger.invalid-date",
    title: "a timer start at a date without a time",
    breakIt: (def) => {
      step(def, "start", "start").trigger = { type: "timer", timer: { type: "date", date: "2025-01-06" } };
    },
    expected: { stepId: "start", path: ["steps", 0, "trigger", "timer", "date"] },
    says: 'The date "2025-01-06" of Start "New lead" is not a date and time with a zone',
  },
  {
    code: "start-trigger.inside-sub-process",
    title: "a message start inside a sub-process",
    breakIt: (def) => {
      insideWelcome(def);
      step(def, "w-start", "start").trigger = { type: "message", message: "hello" };
    },
    expected: { stepId: "w-start", path: ["steps", 9, "trigger"] },
    says: "only the process's own start can be started by a message or a timer",
  },
];

/**
 * "Call again" goes to an event gateway "First reply" (steps[9]): a message
 * wait "Reply" for "reply" keyed by the e-mail (steps[10]) and a two-day
 * timer "Pause" (steps[11]), both back to the call-back.
 */
function addEventWait(def: Def): void {
  def.steps.push(
    { id: "wait", kind: "eventBasedGateway", name: "First reply", position: at },
    { id: "reply", kind: "messageCatch", name: "Reply", position: at, message: { name: "reply", correlationKey: "email" } },
    { id: "pause", kind: "timer", name: "Pause", position: at, timer: { type: "duration", duration: "P2D" } },
  );
  connection(def, "c-again").target = "wait";
  def.connections.push(
    { id: "c-reply", source: "wait", target: "reply" },
    { id: "c-pause", source: "wait", target: "pause" },
    { id: "c-replied", source: "reply", target: "call-back" },
    { id: "c-paused", source: "pause", target: "call-back" },
  );
}

describe("validate: messages and start triggers", () => {
  test("an event gateway before a message wait and a timer, and a timer start, are fine", () => {
    const def = leadToCustomer();
    addEventWait(def);
    step(def, "start", "start").trigger = { type: "timer", timer: { type: "cycle", cycle: "R/2025-01-06T08:00:00Z/P7D" } };
    expect(validate(def)).toEqual([]);
  });

  test("a correlation key that does not parse points at the key", () => {
    const def = leadToCustomer();
    addEventWait(def);
    step(def, "reply", "messageCatch").message.correlationKey = "email +";
    expect(validate(def)).toEqual([
      expect.objectContaining({ code: "expression.syntax", stepId: "reply", path: ["steps", 10, "message", "correlationKey"], message: expect.stringContaining('The correlation key of Message wait "Reply" is not a valid expression') }),
    ]);
  });
});

/** Adds a boundary event "Too late" (a one-day timer on "call-back", leading to "lost") with `extra` over it. */
function addBoundary(def: Def, extra: Record<string, unknown>): void {
  const boundary = { id: "late", kind: "boundaryEvent", name: "Too late", position: at, attachedTo: "call-back", trigger: { type: "timer", timer: { type: "duration", duration: "P1D" } }, ...extra };
  def.steps.push(boundary as StepInput);
  def.connections.push({ id: `c-${boundary.id}`, source: boundary.id, target: "lost" });
}

describe("validate: one broken process per problem code", () => {
  test.each(cases.map((c) => [c.code, c.title, c] as const))("%s: %s", (code, _title, c) => {
    const def = leadToCustomer();
    c.breakIt(def);
    const problems = validate(def, c.options);
    const found = problems.filter((p) => p.code === code);
    expect(found, JSON.stringify(problems, null, 2)).toContainEqual(
      expect.objectContaining({ severity: "error", ...c.expected, code }),
    );
    expect(found.some((p) => p.message.includes(c.says))).toBe(true);
  });

  test("every problem code has a case", () => {
    const covered = new Set(cases.map((c) => c.code));
    expect(problemCodes.filter((code) => !covered.has(code))).toEqual([]);
  });
});

describe("validate: a definition of the wrong shape", () => {
  test("reports every schema issue at once, each pointing at its step or field", () => {
    const def = leadToCustomer() as unknown as {
      key: string;
      steps: Record<string, unknown>[];
    };
    def.key = "Lead To Customer";
    const start = def.steps[0] as { form: { blocks: { children: Record<string, unknown>[] }[] } };
    const company = start.form.blocks[0]?.children[1];
    if (company) company.type = "checkbox";
    const decision = def.steps[2];
    if (decision) decision.kind = "gateway";

    const problems = validate(def);
    expect(problems.every((p) => p.code === "schema.invalid" && p.severity === "error")).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({
        path: ["key"],
        message: "Process, key: use lower-case letters, digits and -, starting with a letter.",
      }),
      expect.objectContaining({
        stepId: "start",
        fieldId: "f-company",
        path: ["steps", 0, "form", "blocks", 0, "children", 1, "type"],
        message:
          'Step "New lead", form field "Company", type: must be one of text, longText, number, date, select, yesNo, email, phone, currency, percent, dateTime, url, radio, multiSelect, checkboxes, user, group, table, attachment, section, columns, staticText, display.',
      }),
      expect.objectContaining({
        stepId: "outcome",
        path: ["steps", 2, "kind"],
        message: expect.stringMatching(/^Step "Outcome\?", kind: must be one of start, userTask, exclusiveGateway, parallelGateway, (\w+, )*\w+\.$/),
      }),
    ]);
  });

  test("names a connection by its id", () => {
    const def = leadToCustomer() as unknown as { connections: Record<string, unknown>[] };
    const first = def.connections[0];
    if (first) first.target = 5;
    expect(validate(def)).toEqual([
      {
        code: "schema.invalid",
        severity: "error",
        connectionId: "c-start",
        path: ["connections", 0, "target"],
        message: 'Connection "c-start", target: must be a string.',
      },
    ]);
  });

  test("says when the input is not a process at all", () => {
    expect(validate(null)).toEqual([
      { code: "schema.invalid", severity: "error", path: [], message: "Process: must be an object." },
    ]);
  });
});

describe("hasErrors", () => {
  test("is false for warnings only and true once an error is present", () => {
    const def = leadToCustomer();
    const again = def.connections.find((c) => c.id === "c-again");
    if (again) again.isDefault = false;
    if (again) again.condition = 'outcome = "callAgain"';
    const warnings = validate(def);
    expect(warnings.map((p) => p.code)).toEqual(["decision.no-default"]);
    expect(hasErrors(warnings)).toBe(false);
    if (again) again.condition = 'outcome = = "callAgain"';
    const errors = validate(def);
    expect(errors.map((p) => p.code)).toContain("expression.syntax");
    expect(hasErrors(errors)).toBe(true);
  });
});

describe("isIsoDuration via due rules", () => {
  test.each(["PT4H", "P2D", "P1DT2H", "P1W", "PT30M", "PT1.5S", "P1Y2M"])("accepts %s", (duration) => {
    const def = leadToCustomer();
    step(def, "ship", "userTask").due = { type: "duration", duration };
    expect(validate(def)).toEqual([]);
  });
  test.each(["P", "PT", "P1DT", "4H", "PT4", "p2d", "P1.5D", "PT-1H"])("rejects %s", (duration) => {
    const def = leadToCustomer();
    step(def, "ship", "userTask").due = { type: "duration", duration };
    expect(validate(def).map((p) => p.code)).toEqual(["due.invalid-duration"]);
  });
});

describe("output mappings from what the engine provides", () => {
  test("a task may remember who completed it; a start form may not", () => {
    const def = leadToCustomer();
    step(def, "call-back", "userTask").outputs?.push({ from: "completedBy", to: "salesRep" });
    expect(validate(def).filter((p) => p.code === "mapping.unknown-field")).toEqual([]);
    step(def, "start", "start").outputs = [{ from: "completedBy", to: "x" }];
    expect(validate(def).filter((p) => p.code === "mapping.unknown-field").map((p) => p.stepId)).toEqual(["start"]);
  });
});

describe("steps the palette offers beyond the user task", () => {
  const base = () => leadToCustomer();
  test("their expressions, durations and assignees are checked like a task's", () => {
    const def = base();
    const task = step(def, "call-back", "userTask") as unknown as Record<string, unknown>;
    for (const key of ["assignment", "due", "form", "outputs"]) delete task[key];
    Object.assign(task, {
      kind: "serviceCall",
      request: { method: "POST", url: "https://scoring.example/score", headers: [], body: "{ amount: amount *" },
      outputs: [{ from: "response.body.score", to: "score" }],
    });
    const codes = validate(def).filter((p) => p.stepId === "call-back").map((p) => p.code);
    expect(codes).toContain("expression.syntax");
    // The broken body is the only thing to fix.
    expect(codes).toEqual(["expression.syntax"]);

    const wait = base();
    Object.assign(step(wait, "call-back", "userTask") as object, { kind: "timer", timer: { type: "duration", duration: "tomorrow" } });
    expect(validate(wait).some((p) => p.code === "due.invalid-duration" && p.stepId === "call-back")).toBe(true);

    const notify = base();
    Object.assign(step(notify, "call-back", "userTask") as object, { kind: "notify", recipients: { type: "group", group: " " }, subject: "New order" });
    expect(validate(notify).some((p) => p.code === "assignment.empty" && p.stepId === "call-back")).toBe(true);
  });
});

describe("group strategies", () => {
  test("a user task's group may hand its task out by round robin or least loaded", () => {
    for (const strategy of ["claim", "roundRobin", "leastLoaded"] as const) {
      const def = leadToCustomer();
      step(def, "ship", "userTask").assignment = { type: "group", group: "shipping", strategy };
      expect(validate(def)).toEqual([]);
    }
  });

  test("approvers and alert recipients may not, and an unknown strategy is a schema problem", () => {
    const def = leadToCustomer();
    Object.assign(step(def, "ship", "userTask") as object, { kind: "approval", approvers: { type: "group", group: "managers", strategy: "leastLoaded" } });
    Object.assign(step(def, "call-back", "userTask") as object, { kind: "notify", recipients: { type: "group", group: "sales", strategy: "roundRobin" }, subject: "New order" });
    const misplaced = validate(def).filter((p) => p.code === "assignment.strategy-misplaced");
    expect(misplaced.map((p) => [p.stepId, p.path])).toEqual([
      ["call-back", ["steps", 1, "recipients", "strategy"]],
      ["ship", ["steps", 4, "approvers", "strategy"]],
    ]);
    expect(misplaced[1]!.message).toContain('Approval "Ship order" hands its approvers out by least loaded');

    const unknown = leadToCustomer();
    step(unknown, "ship", "userTask").assignment = { type: "group", group: "shipping", strategy: "random" as "claim" };
    expect(validate(unknown)).toEqual([expect.objectContaining({ code: "schema.invalid", stepId: "ship", path: ["steps", 4, "assignment", "strategy"] })]);
  });
});

describe("isHttpUrl", () => {
  test.each(["https://crm.example.com/api/leads", "http://127.0.0.1:8080/score?x=1", " https://erp.example/x "])("accepts %s", (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });
  test.each(["{{secrets.SCORING_URL}}", "{{ secrets.SCORING_URL }}/v2/score?x={{id}}", "https://{{secrets.CRM_HOST}}/api", "https://erp.example/{{secrets.TENANT}}/x"])("accepts the secret in %s", (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });
  test.each(["https://", "", "crm.example.com/api", "ftp://files.example.com/x", "javascript:alert(1)", "https://exa mple.com/x", "{{SCORING_URL}}", "{{secrets.}}/x", "x{{secrets.URL}}"])("rejects %s", (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

describe("escalation levels", () => {
  test("each level's wait and recipient expression are checked, and a reminder needs no recipient", () => {
    const def = leadToCustomer();
    step(def, "ship", "userTask").escalations = [
      { after: "PT0S", action: "remind" },
      { after: "1 day", action: "notify", to: { type: "expression", expression: "dispatcher ==" } },
    ];
    const problems = validate(def).filter((p) => p.stepId === "ship");
    expect(problems.map((p) => p.code).sort()).toEqual(["due.invalid-duration", "expression.syntax"]);
    expect(problems.find((p) => p.code === "due.invalid-duration")!.path).toEqual(["steps", 4, "escalations", 1, "after"]);
    expect(problems.find((p) => p.code === "expression.syntax")!.message).toContain("recipient expression of escalation level 2 (alert)");
  });

  test("a process without escalations is not affected", () => {
    expect(validate(leadToCustomer()).filter((p) => p.code.startsWith("escalation."))).toEqual([]);
  });
});

describe("validate: boundary events", () => {
  test("a timer event on a task, leading on to an end, is fine, and so is what follows it", () => {
    const def = leadToCustomer();
    addBoundary(def, { interrupting: false, trigger: { type: "timer", timer: { type: "cycle", cycle: "R/P1D" } } });
    expect(validate(def)).toEqual([]);
  });

  test("an error end with a code and a message is fine", () => {
    const def = leadToCustomer();
    Object.assign(step(def, "lost", "end"), { error: { code: "lead-lost", message: "{{name}} is not interested" } });
    expect(validate(def)).toEqual([]);
  });
});

describe("sub-processes, inclusive gateways and calls", () => {
  const pos = { x: 0, y: 0 };
  const form = { schemaVersion: 1 as const, blocks: [{ id: "f-ok", type: "yesNo" as const, key: "ok", label: "OK?" }] };
  const nested = (): Def => ({
    schemaVersion: 1,
    key: "onboarding",
    name: "Onboarding",
    steps: [
      { id: "s", kind: "start", position: pos },
      { id: "sub", kind: "subProcess", name: "Equipment", position: pos },
      { id: "in", kind: "start", position: pos, parent: "sub" },
      { id: "fan", kind: "inclusiveGateway", position: pos, parent: "sub" },
      { id: "laptop", kind: "userTask", position: pos, parent: "sub", assignment: { type: "group", group: "it" }, form },
      { id: "out", kind: "end", position: pos, parent: "sub" },
      { id: "check", kind: "exclusiveGateway", position: pos },
      { id: "call", kind: "callActivity", position: pos, processKey: "welcome-pack", inputs: [{ from: "ok", to: "ok" }] },
      { id: "e", kind: "end", position: pos },
    ],
    connections: [
      { id: "c1", source: "s", target: "sub" },
      { id: "c2", source: "sub", target: "check" },
      { id: "c3", source: "check", target: "call", condition: "ok" },
      { id: "c4", source: "check", target: "e", isDefault: true },
      { id: "c5", source: "call", target: "e" },
      { id: "i1", source: "in", target: "fan" },
      { id: "i2", source: "fan", target: "laptop", condition: "true" },
      { id: "i3", source: "fan", target: "out", isDefault: true },
      { id: "i4", source: "laptop", target: "out" },
    ],
  });

  test("a valid nesting has no problems, and what the inside writes is known after it", () => {
    expect(validate(nested())).toEqual([]);
    expect(validate(nested(), { publishedProcesses: new Set(["welcome-pack"]) })).toEqual([]);
  });

  test("an inclusive gateway's connections may go without a condition, and do not need a default then", () => {
    const def = nested();
    delete def.connections.find((c) => c.id === "i2")!.condition;
    def.connections.find((c) => c.id === "i3")!.isDefault = false;
    expect(validate(def)).toEqual([]);
  });

  test("an inside that is unreachable from its start is reported inside", () => {
    const def = nested();
    def.connections = def.connections.filter((c) => c.id !== "i1");
    expect(validate(def).map((p) => [p.code, p.stepId])).toEqual([
      ["step.no-outgoing", "in"],
      ["step.no-incoming", "fan"],
      ["step.unreachable", "laptop"],
      ["step.unreachable", "out"],
    ]);
  });
});
