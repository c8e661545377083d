import { describe, expect, test } from "vitest";
import { leadToCustomer } from "../fixtures/lead-to-customer.ts";
import { processDefinitionSchema } from "../process-definition.ts";
import { blockFromSelection } from "./block-from-selection.ts";
import type { BlockInput } from "./block-format.ts";
import { validateBlock } from "./validate-block.ts";

/** A block cut out of the lead-to-customer fixture. */
function blockOf(stepIds: string[]): BlockInput {
  return {
    schemaVersion: 1,
    key: "call-back-loop",
    name: "Call back until decided",
    description: "",
    ...blockFromSelection(processDefinitionSchema.parse(leadToCustomer()), stepIds),
  };
}

describe("validateBlock", () => {
  test("finds nothing wrong with a well-formed fragment, open ends and all", () => {
    // call-back has no way in and the decision's "converted" branch is cut:
    // that is where the block meets the process.
    expect(validateBlock(blockOf(["call-back", "outcome", "lost"]))).toEqual([]);
    expect(validateBlock(blockOf(["call-back"]))).toEqual([]);
  });

  test("refuses a start, pointing at it", () => {
    const problems = validateBlock(blockOf(["start", "call-back"]));
    expect(problems).toEqual([
      expect.objectContaining({ code: "schema.invalid", severity: "error", stepId: "start", path: ["steps", 0, "kind"] }),
    ]);
    expect(problems[0]!.message).toMatch(/^Step "New lead", kind: a block cannot hold a start/);
  });

  test("names the block, not a process, when its own fields are wrong", () => {
    const problems = validateBlock({ ...blockOf(["call-back"]), name: " ", key: "Bad Key" });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Block, key: use lower-case letters/),
      "Block, name: must not be empty.",
    ]);
  });

  test("asks for at least one step", () => {
    const problems = validateBlock(blockOf([]));
    expect(problems).toEqual([expect.objectContaining({ code: "schema.invalid", path: ["steps"] })]);
    expect(problems[0]!.message).toMatch(/at least one step/);
  });

  test("reports connections that leave the block", () => {
    const block = blockOf(["call-back", "outcome", "lost"]);
    block.connections.push({ id: "c-out", source: "outcome", target: "split", condition: 'outcome = "converted"' });
    expect(validateBlock(block)).toEqual([
      expect.objectContaining({ code: "connection.unknown-target", severity: "error", connectionId: "c-out" }),
    ]);
  });

  test("keeps the process checks that hold inside a block", () => {
    const block = blockOf(["call-back", "outcome", "lost"]);
    const task = block.steps[0]!;
    if (task.kind !== "userTask") throw new Error("expected the call-back task");
    task.form.blocks.push({ id: "f-twice", type: "text", key: "outcome", label: "Outcome again", required: false });
    block.connections.find((c) => c.id === "c-lost")!.condition = "outcome = ";
    const codes = validateBlock(block).map((p) => [p.code, p.severity]);
    expect(codes).toContainEqual(["form.duplicate-key", "error"]);
    expect(codes).toContainEqual(["expression.syntax", "error"]);
  });

  test("softens what an open end may complete to warnings", () => {
    // The decision keeps one branch; the block's exit can be its second.
    const decision = validateBlock(blockOf(["outcome", "lost"]));
    expect(decision).toEqual([expect.objectContaining({ code: "decision.single-outgoing", severity: "warning", stepId: "outcome" })]);

    const call: BlockInput = {
      ...blockOf([]),
      steps: [{ id: "callOther", kind: "callActivity", name: "Run the onboarding", position: { x: 0, y: 0 }, processKey: "onboarding", inputs: [], outputs: [] }],
    };
    expect(validateBlock(call)).toEqual([]);
  });
});
