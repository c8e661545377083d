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
