import type { ProcessDefinitionInput } from "../../process-definition.ts";

/**
 * A draft with one step of every kind and the awkward corners of a Baton
 * definition: an approval by several approvers, both timer types, text that
 * needs escaping in XML, a connection id that is no XML name, a default
 * flow, a condition left on a task's connection, a group task handed out
 * by round robin, boundary events of every trigger (a repeating reminder,
 * a deadline from a variable, errors by code and catch-all, one keeping
 * the error in a variable), an error end with a message, an inclusive
 * gateway, and a sub-process with another inside it (inner steps right
 * after their sub-process, inner connections after the outer ones: the
 * order an import reads them in).
 */
export const everyKind: ProcessDefinitionInput = {
  schemaVersion: 1,
  key: "every-kind",
  name: "Every kind <of> step & more",
  description: "Line one\nline two with \"quotes\" & <brackets>",
  timeZone: "Europe/Berlin",
  usedBlocks: [{ key: "manager-approval", version: 3 }],
  steps: [
    {
      id: "start",
      kind: "start",
      name: "Request",
      position: { x: 0, y: 100 },
      starters: ["staff"],
      form: { schemaVersion: 1, title: "New request", blocks: [{ id: "f-amount", type: "number", key: "amount", label: "Amount", required: true, minimum: 0 }] },
      outputs: [{ from: "amount", to: "request.amount" }],
    },
    {
      id: "review",
      kind: "userTask",
      name: "Review the request",
      description: "Check it",
      position: { x: 100, y: 78 },
      assignment: { type: "expression", expression: "manager" },
      due: { type: "duration", duration: "P2D" },
      escalations: [
        { after: "PT0S", action: "remind", message: "The review is due today" },
        { after: "P1D", action: "reassign", to: { type: "group", group: "managers" } },
      ],
      form: { schemaVersion: 1, blocks: [{ id: "f-ok", type: "yesNo", key: "ok", label: "OK?" }] },
    },
    { id: "decide", kind: "exclusiveGateway", name: "OK?", position: { x: 360, y: 93 } },
    {
      id: "approve",
      kind: "approval",
      name: "Approve",
      position: { x: 470, y: 0 },
      approvers: { type: "group", group: "managers" },
      several: { mode: "parallel", rule: { type: "majority" } },
      fourEyes: true,
      resultVariable: "verdict",
    },
    { id: "wait", kind: "timer", name: "Wait a day", position: { x: 720, y: 22 }, timer: { type: "duration", duration: "P1D" } },
    { id: "until", kind: "timer", name: "Until the date", position: { x: 800, y: 22 }, timer: { type: "date", expression: "request.date + duration(\"P1D\")" } },
    { id: "tell", kind: "notify", name: "Tell", position: { x: 470, y: 200 }, recipients: { type: "user", user: "ana" }, subject: "Refused: {{amount}}", message: "Sorry <3" },
    {
      id: "book",
      kind: "serviceCall",
      name: "Book it",
      position: { x: 900, y: 0 },
      request: { method: "POST", url: "https://erp.example.com/bookings?x=1&y=2", headers: [{ name: "X-Key", value: "k" }], body: "{ amount: amount }" },
      outputs: [{ from: "response.body.id", to: "bookingId" }],
      retries: 5,
      timeoutSeconds: 10,
    },
    { id: "sub", kind: "callActivity", name: "Archive", position: { x: 1150, y: 0 }, processKey: "archive-request", inputs: [{ from: "bookingId", to: "id" }], outputs: [] },
    { id: "split", kind: "parallelGateway", name: "", position: { x: 720, y: 215 } },
    {
      id: "triage",
      kind: "userTask",
      name: "Triage",
      position: { x: 900, y: 200 },
      assignment: { type: "group", group: "service-desk", strategy: "roundRobin" },
      form: { schemaVersion: 1, blocks: [] },
    },
    { id: "pick", kind: "inclusiveGateway", name: "Which checks?", position: { x: 1150, y: 215 } },
    { id: "checks", kind: "subProcess", name: "Checks", position: { x: 1300, y: 300 }, size: { width: 700, height: 300 } },
    { id: "checks-start", kind: "start", name: "", position: { x: 30, y: 50 }, parent: "checks" },
    { id: "inner", kind: "subProcess", name: "Inner", position: { x: 120, y: 20 }, parent: "checks", size: { width: 420, height: 240 } },
    { id: "inner-start", kind: "start", name: "", position: { x: 30, y: 100 }, parent: "inner" },
    { id: "inner-end", kind: "end", name: "", position: { x: 300, y: 100 }, parent: "inner" },
    { id: "checks-end", kind: "end", name: "", position: { x: 600, y: 50 }, parent: "checks" },
    { id: "end", kind: "end", name: "Done", position: { x: 1400, y: 22 } },
    { id: "nudge", kind: "boundaryEvent", name: "Every 4 hours", position: { x: 200, y: 62 }, attachedTo: "review", trigger: { type: "timer", timer: { type: "cycle", cycle: "R3/PT4H" } }, interrupting: false },
    { id: "deadline", kind: "boundaryEvent", name: "Answer by", position: { x: 1000, y: 262 }, attachedTo: "triage", trigger: { type: "timer", timer: { type: "date", expression: "answerBy" } }, interrupting: true },
    { id: "notFound", kind: "boundaryEvent", name: "Not found", position: { x: 950, y: 62 }, attachedTo: "book", trigger: { type: "error", errorCode: "404", errorVariable: "bookingError" }, interrupting: true },
    { id: "anyError", kind: "boundaryEvent", name: "", position: { x: 1050, y: 62 }, attachedTo: "book", trigger: { type: "error" }, interrupting: true },
    { id: "failed", kind: "end", name: "Booking failed", position: { x: 1150, y: 200 }, error: { code: "booking-failed", message: "No booking for {{amount}}" } },
  ],
  connections: [
    { id: "c1", source: "start", target: "review" },
    { id: "c2", source: "review", target: "decide", condition: "ok = true" },
    { id: "c 3 (yes)", source: "decide", target: "approve", label: "Yes", condition: 'ok and amount < 1000 & "x" != "<y>"' },
    { id: "c4", source: "decide", target: "tell", label: "No", isDefault: true },
    { id: "c5", source: "approve", target: "wait" },
    { id: "c6", source: "wait", target: "until" },
    { id: "c7", source: "until", target: "book" },
    { id: "c8", source: "book", target: "sub" },
    { id: "c9", source: "sub", target: "end" },
    { id: "c10", source: "tell", target: "split", isDefault: true },
    { id: "c11", source: "split", target: "end" },
    { id: "c12", source: "split", target: "triage" },
    { id: "c13", source: "triage", target: "pick" },
    { id: "c14", source: "nudge", target: "tell" },
    { id: "c15", source: "deadline", target: "end" },
    { id: "c16", source: "notFound", target: "failed" },
    { id: "c17", source: "anyError", target: "failed" },
    { id: "c18", source: "pick", target: "checks", condition: "amount > 10" },
    { id: "c19", source: "pick", target: "end", isDefault: true },
    { id: "c20", source: "checks", target: "end" },
    { id: "c21", source: "checks-start", target: "inner" },
    { id: "c22", source: "inner", target: "checks-end" },
    { id: "c23", source: "inner-start", target: "inner-end" },
  ],
};
