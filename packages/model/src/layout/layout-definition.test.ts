import { describe, expect, it } from "vitest";
import { processDefinitionSchema, type ProcessDefinition } from "../process-definition.ts";
import { edgeWaypoints } from "./edge-waypoints.ts";
import { layoutDefinition } from "./layout-definition.ts";
import { shapeSizes } from "./shape-sizes.ts";

const step = (id: string, kind: "start" | "userTask" | "exclusiveGateway" | "end") => ({
  id,
  kind,
  name: id,
  position: { x: 0, y: 0 },
  ...(kind === "userTask" ? { assignment: { type: "group", group: "g" }, form: { schemaVersion: 1, blocks: [] } } : {}),
});
const flow = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

/** start → work → decide → (back to work | end): a loop the layout must not turn around. */
const loop: ProcessDefinition = processDefinitionSchema.parse({
  schemaVersion: 1,
  key: "loop",
  name: "Loop",
  steps: [step("decide", "exclusiveGateway"), step("end", "end"), step("work", "userTask"), step("start", "start"), step("lonely", "userTask")],
  connections: [flow("start", "work"), flow("work", "decide"), flow("decide", "work"), flow("decide", "end")],
});

function overlap(a: ProcessDefinition["steps"][number], b: ProcessDefinition["steps"][number]): boolean {
  const sa = shapeSizes[a.kind];
  const sb = shapeSizes[b.kind];
  return a.position.x < b.position.x + sb.width && b.position.x < a.position.x + sa.width && a.position.y < b.position.y + sb.height && b.position.y < a.position.y + sa.height;
}

describe("layoutDefinition", () => {
  it("lays steps out left to right in flow order, loops included, without overlaps", async () => {
    const laidOut = await layoutDefinition(loop);
    const x = (id: string) => laidOut.steps.find((s) => s.id === id)!.position.x;
    expect(x("start")).toBeLessThan(x("work"));
    expect(x("work")).toBeLessThan(x("decide"));
    expect(x("decide")).toBeLessThan(x("end"));
    for (const a of laidOut.steps) for (const b of laidOut.steps) if (a !== b) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    expect(laidOut.connections).toEqual(loop.connections);
    expect(laidOut.steps.map((s) => s.id)).toEqual(loop.steps.map((s) => s.id));
  });

  it("gives the same result every time", async () => {
    expect(await layoutDefinition(loop)).toEqual(await layoutDefinition(loop));
  });
});

describe("edgeWaypoints", () => {
  const at = (kind: "userTask" | "exclusiveGateway" | "start", x: number, y: number) => ({ kind, position: { x, y } });

  it("runs straight along a row from border to border", () => {
    expect(edgeWaypoints(at("start", 0, 22), at("userTask", 100, 0))).toEqual([{ x: 36, y: 40 }, { x: 100, y: 40 }]);
  });

  it("leaves a decision by its top or bottom corner towards a branch", () => {
    expect(edgeWaypoints(at("exclusiveGateway", 0, 100), at("userTask", 100, 0))).toEqual([{ x: 25, y: 100 }, { x: 25, y: 40 }, { x: 100, y: 40 }]);
  });

  it("runs a loop back underneath both shapes", () => {
    const points = edgeWaypoints(at("exclusiveGateway", 400, 15), at("userTask", 100, 0));
    expect(points[0]).toEqual({ x: 425, y: 65 });
    expect(points.at(-1)).toEqual({ x: 200, y: 80 });
    expect(points[1]!.y).toBeGreaterThan(80);
  });
});
