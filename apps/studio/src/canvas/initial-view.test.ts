import { describe, expect, it } from "vitest";
import type { ProcessDefinition } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import { initialViewSteps } from "./initial-view.ts";

function chain(n: number, spacing = 1): ProcessDefinition {
  const steps: ProcessDefinition["steps"] = [{ id: "s", kind: "start", name: "", position: { x: 0, y: 0 }, starters: [] }];
  for (let i = 1; i < n; i++) steps.push({ id: `e${i}`, kind: "end", name: "", position: { x: i * spacing, y: 0 } });
  const connections = steps.slice(1).map((s, i) => ({ id: `c${i}`, source: steps[i]!.id, target: s.id }));
  return { ...sampleProcess(), steps: steps.reverse(), connections };
}

describe("initialViewSteps", () => {
  it("shows a small process whole", () => {
    expect(initialViewSteps(sampleProcess())).toBeNull();
  });

  it("opens a large process on its start and the steps that follow it", () => {
    expect(initialViewSteps(chain(400), 4)).toEqual(["s", "e1", "e2", "e3"]);
  });

  it("keeps the first view to about a screen around the start, so it can be read", () => {
    // Steps 300px apart: only those within 1,200px of the start are fitted.
    expect(initialViewSteps(chain(400, 300))).toEqual(["s", "e1", "e2", "e3", "e4"]);
  });
});
