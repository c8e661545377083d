import { describe, expect, it } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { canAddStep, canConnect } from "./rules.ts";

const reason = (verdict: ReturnType<typeof canConnect>) => (verdict.ok ? null : verdict.reason);

describe("canConnect", () => {
  it("allows a decision a further, new outcome", () => {
    expect(canConnect(sampleProcess(), "decision", "won")).toEqual({ ok: true });
  });

  it("refuses into a start and out of an end", () => {
    expect(reason(canConnect(sampleProcess(), "callBack", "start"))).toMatch(/Nothing can lead into the start/);
    expect(reason(canConnect(sampleProcess(), "won", "lost"))).toMatch(/Nothing can follow an end/);
  });

  it("refuses a second way out of a task or the start", () => {
    expect(reason(canConnect(sampleProcess(), "callBack", "won"))).toBe(
      "“Call back the prospect” already has its way out. To branch, put a decision or a parallel split after it.",
    );
    expect(reason(canConnect(sampleProcess(), "start", "won"))).toMatch(/already has its way out/);
  });

  it("refuses a duplicate connection and a loop into the same step", () => {
    expect(reason(canConnect(sampleProcess(), "decision", "lost"))).toBe("“Outcome?” is already connected to “Not interested”.");
    expect(reason(canConnect(sampleProcess(), "decision", "decision"))).toMatch(/cannot lead back into itself/);
  });

  it("refuses a second unlabelled outcome of a decision", () => {
    const def = sampleProcess();
    def.connections.push({ id: "bare", source: "decision", target: "won" });
    def.steps.push({ id: "other", kind: "end", name: "Other", position: { x: 0, y: 0 } });
    expect(reason(canConnect(def, "decision", "other"))).toBe(
      "Label the outcome that leads to “Customer won” first: a decision cannot have two unlabelled outcomes.",
    );
  });

  it("lets a parallel gateway branch freely", () => {
    const def = sampleProcess();
    def.steps.push({ id: "split", kind: "parallelGateway", name: "", position: { x: 0, y: 0 } });
    def.connections.push({ id: "p1", source: "split", target: "won" });
    expect(canConnect(def, "split", "lost")).toEqual({ ok: true });
  });

  it("says so when an end is missing", () => {
    expect(reason(canConnect(sampleProcess(), "decision", "ghost"))).toMatch(/Both ends/);
  });
});

describe("canAddStep", () => {
  it("refuses a second start, allows anything else", () => {
    expect(reason(canAddStep(sampleProcess(), "start"))).toMatch(/already has a start/);
    expect(canAddStep(sampleProcess(), "end")).toEqual({ ok: true });
    expect(canAddStep({ ...sampleProcess(), steps: [] }, "start")).toEqual({ ok: true });
  });
});
