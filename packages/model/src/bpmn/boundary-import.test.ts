import { describe, expect, it } from "vitest";
import { importBpmn } from "./import-bpmn.ts";
import { readFixture } from "./test-support/fixture-files.ts";

/**
 * Boundary events and error ends from other tools' files (see
 * test-fixtures/bpmn/executable/MANIFEST.tsv): timers and errors come in on
 * their activity, other triggers are listed with the reason.
 */
describe("importing boundary events and error ends", () => {
  it("takes bpmn-engine's non-interrupting timer on a user task", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/bpmn-engine__boundary-non-interupting-timer.bpmn"));
    expect(definition!.steps.find((s) => s.id === "boundaryEvent")).toMatchObject({
      kind: "boundaryEvent",
      name: "Start after a while",
      attachedTo: "userTask",
      interrupting: false,
      trigger: { type: "timer", timer: { type: "duration", duration: "PT0.01S" } },
    });
    expect(definition!.connections).toContainEqual({ id: "SequenceFlow_1muatwf", source: "boundaryEvent", target: "join" });
    expect(report.unsupported).toEqual([]);
  });

  it("takes Camunda's error boundary by its error's code and lists the escalation one", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/camunda7-examples__invoicePayment.bpmn"));
    expect(definition!.steps.find((s) => s.id === "BoundaryEvent_18unjdv")).toMatchObject({
      kind: "boundaryEvent",
      attachedTo: "Task_16y91ka",
      interrupting: true,
      trigger: { type: "error", errorCode: "invoice-error" },
    });
    expect(report.unsupported).toContainEqual(
      expect.objectContaining({ id: "BoundaryEvent_1uy9o9h", reason: expect.stringContaining("an escalation event attached to") }),
    );
    expect(report.problems).toContainEqual(expect.objectContaining({ code: "boundary.error-never-thrown", severity: "warning", stepId: "BoundaryEvent_18unjdv" }));
  });

  it("takes an error end and a catch-all error boundary on a service task, and asks for the missing code", async () => {
    const { definition, report } = await importBpmn(readFixture("executable/bpmn-engine__mother-of-all.bpmn"), { processId: "participantProcess" });
    expect(definition!.steps.find((s) => s.id === "serviceBoundErrorEvent")).toMatchObject({ kind: "boundaryEvent", attachedTo: "participantServiceTask", trigger: { type: "error" } });
    expect(definition!.steps.find((s) => s.id === "participathErrorEndEvent")).toMatchObject({ kind: "end", error: { code: " ", message: "" } });
    expect(report.warnings).toContainEqual(expect.stringContaining("throws an error without a code"));
    expect(report.problems).toContainEqual(expect.objectContaining({ code: "error.blank-code", stepId: "participathErrorEndEvent" }));
  });
});
