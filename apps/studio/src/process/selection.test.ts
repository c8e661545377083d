import { describe, expect, it } from "vitest";
import { applySelectChanges, nothingSelected, pruneSelection, selectOnly, singleSelected } from "./selection.ts";

describe("selection", () => {
  it("knows when exactly one element is selected", () => {
    expect(singleSelected({ steps: ["a"], connections: [] })).toEqual({ type: "step", id: "a" });
    expect(singleSelected({ steps: [], connections: ["c"] })).toEqual({ type: "connection", id: "c" });
    expect(singleSelected({ steps: ["a"], connections: ["c"] })).toBeNull();
    expect(singleSelected(nothingSelected)).toBeNull();
    expect(selectOnly({ type: "connection", id: "c" })).toEqual({ steps: [], connections: ["c"] });
  });

  it("applies React Flow's select changes, keeping the object when nothing changes", () => {
    const a = applySelectChanges(nothingSelected, "steps", [{ id: "x", selected: true }, { id: "y", selected: true }]);
    expect(a.steps).toEqual(["x", "y"]);
    const b = applySelectChanges(a, "steps", [{ id: "x", selected: false }]);
    expect(b.steps).toEqual(["y"]);
    expect(applySelectChanges(b, "steps", [{ id: "y", selected: true }])).toBe(b);
  });

  it("forgets elements that are gone", () => {
    const s = { steps: ["a", "b"], connections: ["c"] };
    expect(pruneSelection(s, new Set(["a"]), new Set())).toEqual({ steps: ["a"], connections: [] });
    expect(pruneSelection(s, new Set(["a", "b"]), new Set(["c"]))).toBe(s);
  });
});
