import { describe, expect, it } from "vitest";
import { describeEvent, formatValue, humanizeKey } from "./describe-history.ts";

describe("request history in words", () => {
  const names = new Map([["t1", "Call back the prospect"]]);

  it("names tasks, groups and decisions", () => {
    expect(describeEvent({ type: "task.completed", actor: "sam", taskId: "t1", data: {} }, names)).toBe("Completed Call back the prospect");
    expect(describeEvent({ type: "task.created", actor: "dana", taskId: "t1", data: { name: "Call back the prospect", candidateGroup: "sales" } }, names)).toBe(
      "Call back the prospect was assigned to the sales group",
    );
    expect(describeEvent({ type: "decision.taken", actor: null, taskId: null, data: { reason: 'outcome = "converted" was true' } }, names)).toBe(
      'Decided: outcome = "converted" was true',
    );
    expect(describeEvent({ type: "variables.changed", actor: null, taskId: null, data: {} }, names)).toBeNull();
  });

  it("says who a task went to and who handed it over", () => {
    expect(describeEvent({ type: "task.assigned", actor: "dana", taskId: "t1", data: { assignee: "sam", strategy: "roundRobin" } }, names)).toBe("Call back the prospect went to sam, next in turn");
    expect(describeEvent({ type: "task.reassigned", actor: "sam", taskId: "t1", data: { to: { assignee: "sara", candidateGroup: "sales" }, note: "Off today" } }, names)).toBe(
      "Handed Call back the prospect to sara: “Off today”",
    );
    expect(describeEvent({ type: "task.reassigned", actor: "admin", taskId: "t1", data: { to: { assignee: null, candidateGroup: "shipping" }, note: null } }, names)).toBe(
      "Handed Call back the prospect to the shipping queue",
    );
  });

  it("says when an admin moved the request to another version of its process", () => {
    expect(describeEvent({ type: "instance.migrated", actor: "admin", taskId: null, data: { from: 1, to: 2, mapping: {}, moved: [] } }, names)).toBe(
      "Moved from version 1 to version 2 of the process; the work goes on where it was",
    );
  });

  it("says when work was passed on to another request, and when that was cancelled", () => {
    expect(describeEvent({ type: "child.started", actor: "sam", taskId: null, data: { stepId: "assess", processKey: "assess-damage", childInstanceId: "c1" } }, names)).toBe(
      "Passed a part of the work on to another request (assess-damage)",
    );
    expect(describeEvent({ type: "child.started", actor: "sam", taskId: null, data: { processKey: "assess-damage", childInstanceId: "c1" } }, names, new Map([["c1", "Assess damage"]]))).toBe(
      "Passed a part of the work on to “Assess damage”",
    );
    const reason = 'the timer event "A day passed" (late) went off';
    expect(describeEvent({ type: "child.cancelled", actor: null, taskId: null, data: { stepId: "assess", reason, childInstanceIds: ["c1"] } }, names)).toBe(`The work passed on was cancelled: ${reason}`);
    expect(describeEvent({ type: "instance.cancelled", actor: null, taskId: null, data: { reason } }, names)).toBe(`The request was cancelled: ${reason}`);
  });

  it("says when a task was cancelled by an event on it, and which error was caught", () => {
    expect(describeEvent({ type: "task.cancelled", actor: null, taskId: "t1", data: { reason: 'the timer event "Too late" (late) went off' } }, names)).toBe(
      'Call back the prospect was cancelled: the timer event "Too late" (late) went off',
    );
    expect(describeEvent({ type: "boundary.triggered", actor: null, taskId: null, data: { stepId: "late", name: "Too late", interrupting: true } }, names)).toBe("The time was up: Too late");
    expect(describeEvent({ type: "boundary.triggered", actor: null, taskId: null, data: { stepId: "remind", name: "Remind", interrupting: false } }, names)).toBe("The time was up: Remind (the work goes on)");
    expect(describeEvent({ type: "boundary.triggered", actor: null, taskId: null, data: { stepId: "nf", name: "No file", interrupting: true, error: { code: "404", message: "" } } }, names)).toBe("The error “404” was caught: No file");
  });

  it("turns keys and values into words", () => {
    expect(humanizeKey("callAgainOn")).toBe("Call again on");
    expect(humanizeKey("tracking_number")).toBe("Tracking number");
    expect(formatValue(true)).toBe("Yes");
    expect(formatValue("")).toBe("—");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    // An approval's result reads as words, not JSON.
    const visa = { outcome: "approved", approvals: 2, rejections: 1, votes: [
      { by: "ann", decision: "approve", comment: "Solid income", at: "2024-05-06T09:00:00.000Z" },
      { by: "bo", decision: "reject", comment: "", at: "2024-05-06T09:01:00.000Z" },
      { by: "cai", decision: "approve", comment: "", at: "2024-05-06T09:02:00.000Z" },
    ] };
    expect(formatValue(visa)).toBe("Approved (2 for, 1 against). ann approved: “Solid income”; bo rejected; cai approved");
    expect(formatValue({ outcome: null, approvals: 0, rejections: 0, votes: [] })).toBe("Still voting (0 for, 0 against)");
    expect(formatValue("dhl", { label: "Carrier", options: { dhl: "DHL" } })).toBe("DHL");
    expect(formatValue([{ id: "x", name: "payslip.pdf", size: 3, contentType: "application/pdf" }, { id: "y", name: "scan.png", size: 9, contentType: "image/png" }])).toBe("payslip.pdf, scan.png");
    expect(formatValue(["travel", "lounge"], { label: "Benefits", options: { travel: "Travel insurance" } })).toBe("Travel insurance, lounge");
    expect(formatValue(["lounge", "concierge"], { label: "Benefits", options: { lounge: "Airport lounge" } })).toBe("Airport lounge, concierge");
    expect(formatValue([{ lender: "Bank A", monthlyPayment: 250 }, { lender: "B" }])).toBe("Lender: Bank A, Monthly payment: 250\nLender: B");
  });

  it("calls people and groups by their names, and a decision by the way it went", () => {
    const directory = { people: { sam: "Sam Sales", sara: "Sara Sales" }, groups: { shipping: "Shipping department" } };
    expect(describeEvent({ type: "task.assigned", actor: "dana", taskId: "t1", data: { assignee: "sam", strategy: "leastLoaded" } }, names, new Map(), directory)).toBe(
      "Call back the prospect went to Sam Sales, the least busy",
    );
    expect(describeEvent({ type: "task.created", actor: null, taskId: "t1", data: { name: "Ship", candidateGroup: "shipping" } }, names, new Map(), directory)).toBe(
      "Ship was assigned to the Shipping department group",
    );
    expect(describeEvent({ type: "task.reassigned", actor: "sam", taskId: "t1", data: { to: { assignee: "sara" }, note: "" } }, names, new Map(), directory)).toBe(
      "Handed Call back the prospect to Sara Sales",
    );
    // Someone no longer in the directory keeps their user name.
    expect(describeEvent({ type: "task.assigned", actor: null, taskId: "t1", data: { assignee: "gone" } }, names, new Map(), directory)).toBe("Call back the prospect went to gone");
    const decision = { reason: 'outcome = "converted" was true', decision: "Outcome?", way: "Converted" };
    expect(describeEvent({ type: "decision.taken", actor: null, taskId: null, data: decision }, names)).toBe("Outcome?: Converted");
    expect(formatValue("sam", { label: "Sales rep", format: "user" }, directory)).toBe("Sam Sales");
    expect(formatValue("shipping", { label: "Team", format: "group" }, directory)).toBe("Shipping department");
    expect(formatValue("sam", { label: "Notes" }, directory)).toBe("sam");
  });
});
