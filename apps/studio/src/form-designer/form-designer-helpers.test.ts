import type { FormDefinition } from "@baton/model";
import { describe, expect, it } from "vitest";
import { sampleProcess } from "../test/sample-process.ts";
import { knownVariables } from "./known-variables.ts";
import { newBlock } from "./new-block.ts";
import { placesFor } from "./slots.ts";

const form: FormDefinition = {
  schemaVersion: 1,
  blocks: [
    { id: "f-field1", key: "field1", type: "text", label: "A", required: false },
    {
      id: "s1",
      type: "section",
      title: "Gold card",
      children: [{ id: "c1", type: "columns", columns: [{ children: [] }, { children: [] }] }],
    },
  ],
} as FormDefinition;

describe("form designer helpers", () => {
  it("a new block gets an id and key no block of the form has", () => {
    expect(newBlock(form, "number")).toMatchObject({ id: "f-field2", key: "field2", type: "number" });
    expect(newBlock(form, "section")).toMatchObject({ id: "b-section1", type: "section" });
  });

  it("names every place a block can go, leaving out the block and what is inside it", () => {
    expect(placesFor(form.blocks, null).map((p) => p.label)).toEqual([
      "The form (top level)",
      "Section “Gold card”",
      "Section “Gold card” › Side by side › column 1",
      "Section “Gold card” › Side by side › column 2",
    ]);
    expect(placesFor(form.blocks, "s1").map((p) => p.value)).toEqual(["form"]);
  });

  it("completes bindings from the variables the other steps produce", () => {
    const names = knownVariables(sampleProcess(), "callBack");
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(knownVariables(undefined)).toEqual([]);
  });
});
