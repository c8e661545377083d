import { describe, expect, it } from "vitest";
import { formFields } from "@baton/model";
import { sampleProcess } from "../../test/sample-process.ts";
import { createEditor } from "../create-editor.ts";
import { expectUndoRedo } from "../test-support.ts";

const fieldsOf = (d: ReturnType<typeof sampleProcess>, id: string) =>
  formFields((d.steps.find((s) => s.id === id) as { form?: Parameters<typeof formFields>[0] }).form);

describe("field.add", () => {
  it("adds a field to a form; undo removes it", () => {
    const after = expectUndoRedo(sampleProcess(), "field.add", {
      stepId: "callBack",
      field: { id: "f-notes", key: "notes", label: "Notes", type: "longText", required: false },
      index: 0,
    });
    expect(fieldsOf(after, "callBack").map((f) => f.key)).toEqual(["notes", "outcome"]);
  });

  it("creates the form of a step that had none; undo removes the form again", () => {
    const def = sampleProcess();
    delete (def.steps[0] as { form?: unknown }).form;
    const after = expectUndoRedo(def, "field.add", {
      stepId: "start",
      field: { id: "f1", key: "client", label: "Client", type: "text", required: true },
    });
    expect(fieldsOf(after, "start").map((f) => f.key)).toEqual(["client"]);
  });

  it("refuses a step kind without a form and a malformed field", () => {
    const stack = createEditor(sampleProcess());
    const field = { id: "f1", key: "x", label: "X", type: "text" as const, required: false };
    expect(() => stack.execute("field.add", { stepId: "decision", field })).toThrow(/has no form/);
    expect(() => stack.execute("field.add", { stepId: "callBack", field: { ...field, key: "1x" } })).toThrow(/malformed at blocks.1.key/);
  });
});

describe("field.update", () => {
  it("changes a field's label, key and options; undo restores the field", () => {
    const after = expectUndoRedo(sampleProcess(), "field.update", {
      stepId: "callBack",
      fieldId: "f-outcome",
      changes: { label: "Result", key: "result", options: [{ value: "yes", label: "Yes" }] },
    });
    expect(fieldsOf(after, "callBack")[0]).toMatchObject({ label: "Result", key: "result", options: [{ value: "yes", label: "Yes" }] });
  });

  it("changes the type, dropping what the old type had", () => {
    const after = expectUndoRedo(sampleProcess(), "field.update", {
      stepId: "callBack",
      fieldId: "f-outcome",
      changes: { type: "yesNo", options: undefined },
    });
    expect(fieldsOf(after, "callBack")[0]).toStrictEqual({ id: "f-outcome", type: "yesNo", key: "outcome", label: "Outcome", required: true });
  });
});

describe("field.delete", () => {
  it("removes a field; undo puts it back", () => {
    const after = expectUndoRedo(sampleProcess(), "field.delete", { stepId: "enterOrder", fieldId: "f-amount" });
    expect(fieldsOf(after, "enterOrder")).toEqual([]);
  });
});

describe("field.move", () => {
  it("reorders fields; undo restores the order", () => {
    const def = sampleProcess();
    const stack = createEditor(def);
    stack.execute("field.add", { stepId: "start", field: { id: "f2", key: "company", label: "Company", type: "text", required: false } });
    const after = expectUndoRedo(stack.definition, "field.move", { stepId: "start", fieldId: "f2", to: 0 });
    expect(fieldsOf(after, "start").map((f) => f.key)).toEqual(["company", "name"]);
  });
});

describe("field.place", () => {
  const withSection = () => {
    const def = sampleProcess();
    const stack = createEditor(def);
    stack.execute("field.add", { stepId: "callBack", field: { id: "s1", type: "section", title: "Details", children: [] } });
    return stack.definition;
  };

  it("moves a field into a section and back out; undo restores each exact form", () => {
    const into = expectUndoRedo(withSection(), "field.place", { stepId: "callBack", fieldId: fieldsOf(withSection(), "callBack")[0]!.id, into: { parentId: "s1" }, index: 0 });
    const form = (into.steps.find((s) => s.id === "callBack") as { form: { blocks: { id: string; children?: { id: string }[] }[] } }).form;
    expect(form.blocks.map((b) => b.id)).toEqual(["s1"]);
    expect(form.blocks[0]!.children!.length).toBe(1);
  });

  it("reorders within a list counting positions as shown", () => {
    const def = withSection();
    const first = fieldsOf(def, "callBack")[0]!.id;
    const after = expectUndoRedo(def, "field.place", { stepId: "callBack", fieldId: first, into: { parentId: null }, index: 2 });
    const form = (after.steps.find((s) => s.id === "callBack") as { form: { blocks: { id: string }[] } }).form;
    expect(form.blocks.map((b) => b.id)).toEqual(["s1", first]);
  });

  it("refuses putting a section inside itself or into a block that holds none", () => {
    const stack = createEditor(withSection());
    expect(() => stack.execute("field.place", { stepId: "callBack", fieldId: "s1", into: { parentId: "s1" }, index: 0 })).toThrow(/inside itself/);
    const field = fieldsOf(stack.definition, "callBack")[0]!.id;
    expect(() => stack.execute("field.place", { stepId: "callBack", fieldId: "s1", into: { parentId: field }, index: 0 })).toThrow(/holds no other blocks/);
  });
});
