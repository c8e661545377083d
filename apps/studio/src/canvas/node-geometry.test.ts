import { describe, expect, it } from "vitest";
import type { StepKind } from "@baton/model";
import { chooseSides, freeCentre, stepAt, stepCentre } from "./node-geometry.ts";

const at = (kind: StepKind, x: number, y: number) => ({ kind, position: { x, y } });

describe("stepCentre", () => {
  it("adds half the shape's size to its top-left position", () => {
    expect(stepCentre(at("userTask", 100, 40))).toEqual({ x: 200, y: 80 });
    expect(stepCentre(at("start", 0, 182))).toEqual({ x: 18, y: 200 });
  });
});

describe("chooseSides", () => {
  it("goes right to left along a row", () => {
    expect(chooseSides(at("start", 0, 182), at("userTask", 120, 160))).toEqual({ source: "right", target: "left" });
  });
  it("lets a decision's branch leave by its top or bottom corner", () => {
    expect(chooseSides(at("exclusiveGateway", 400, 175), at("userTask", 560, 40))).toEqual({ source: "top", target: "left" });
    expect(chooseSides(at("exclusiveGateway", 400, 175), at("end", 560, 300))).toEqual({ source: "bottom", target: "left" });
  });
  it("joins a gateway from above or below", () => {
    expect(chooseSides(at("userTask", 0, 0), at("parallelGateway", 300, 200))).toEqual({ source: "right", target: "top" });
    expect(chooseSides(at("userTask", 0, 400), at("parallelGateway", 300, 200))).toEqual({ source: "right", target: "bottom" });
  });
  it("lets an event on a step's border leave downwards to what lies below it", () => {
    expect(chooseSides(at("boundaryEvent", 122, 62), at("end", 420, 262))).toEqual({ source: "bottom", target: "left" });
    expect(chooseSides(at("boundaryEvent", 122, 62), at("userTask", 40, 200))).toEqual({ source: "bottom", target: "top" });
    expect(chooseSides(at("boundaryEvent", 122, 62), at("end", 420, 62))).toEqual({ source: "right", target: "left" });
  });
  it("runs a loop back on the same row underneath", () => {
    expect(chooseSides(at("exclusiveGateway", 400, 175), at("userTask", 120, 160))).toEqual({ source: "bottom", target: "bottom" });
  });
  it("goes back up or down when the earlier step is on another row", () => {
    expect(chooseSides(at("userTask", 600, 300), at("userTask", 100, 0))).toEqual({ source: "top", target: "bottom" });
    expect(chooseSides(at("userTask", 600, 0), at("userTask", 100, 300))).toEqual({ source: "bottom", target: "top" });
  });
  it("goes straight down or up within a column", () => {
    expect(chooseSides(at("userTask", 0, 0), at("userTask", 20, 200))).toEqual({ source: "bottom", target: "top" });
    expect(chooseSides(at("userTask", 0, 200), at("userTask", 20, 0))).toEqual({ source: "top", target: "bottom" });
  });
});

describe("stepAt and freeCentre", () => {
  const steps = [
    { id: "a", ...at("userTask", 100, 100) },
    { id: "b", ...at("start", 0, 0) },
  ];
  it("finds the step under a point", () => {
    expect(stepAt(steps, { x: 150, y: 150 })?.id).toBe("a");
    expect(stepAt(steps, { x: 18, y: 18 })?.id).toBe("b");
    expect(stepAt(steps, { x: 50, y: 300 })).toBeUndefined();
    expect(stepAt(steps, { x: 98, y: 150 }, 4)?.id).toBe("a");
  });
  it("finds the nearest spot where a new shape overlaps nothing", () => {
    expect(freeCentre(steps, { x: 500, y: 500 })).toEqual({ x: 500, y: 500 });
    // The task at (100,100)-(300,180): a new task centred at (200,140) must move
    // clear of it by its half height plus a margin, up or down.
    const spot = freeCentre(steps, { x: 200, y: 140 });
    expect(Math.abs(spot.y - 140)).toBeLessThanOrEqual(140);
    const clear = spot.y - 40 - 20 >= 180 || spot.y + 40 + 20 <= 100 || spot.x - 100 - 20 >= 300;
    expect(clear).toBe(true);
    expect(freeCentre(steps, { x: 18, y: 18 }, "end")).not.toEqual({ x: 18, y: 18 });
  });
});
