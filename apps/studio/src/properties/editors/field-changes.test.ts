import { describe, expect, it } from "vitest";
import { changeTypeTo, keyFromLabel, keyProblem, newField } from "./field-changes.ts";

const form = {
  schemaVersion: 1 as const,
  blocks: [
    { id: "a", type: "text" as const, key: "client", label: "Client", required: true, maxLength: 80 },
    { id: "f-field1", type: "number" as const, key: "field1", label: "N", required: false },
  ],
};

describe("field changes", () => {
  it("changing the type drops what only the old type had", () => {
    expect(changeTypeTo(form.blocks[0]!, "select")).toEqual({ type: "select", maxLength: undefined, options: [] });
    expect(changeTypeTo(form.blocks[0]!, "yesNo")).toEqual({ type: "yesNo", maxLength: undefined });
    const choice = { id: "c", type: "select" as const, key: "c", label: "C", required: false, options: [{ value: "a", label: "A" }] };
    expect(changeTypeTo(choice, "radio")).toEqual({ type: "radio" });
    expect(changeTypeTo(choice, "currency")).toEqual({ type: "currency", options: undefined, currency: "EUR" });
  });

  it("a new field takes the first free key", () => {
    expect(newField(form)).toEqual({ id: "f-field2", type: "text", key: "field2", label: "New field", required: false });
    expect(newField(undefined).key).toBe("field1");
  });

  it("says why a key cannot be used", () => {
    expect(keyProblem(form, "f-field1", "client")).toBe("Another field of this form already uses “client”.");
    expect(keyProblem(form, "f-field1", "2x")).toMatch(/starting with a letter/);
    expect(keyProblem(form, "a", "client")).toBeNull();
  });

  it("makes a key from a label", () => {
    expect(keyFromLabel("Client name")).toBe("clientName");
    expect(keyFromLabel("Urgency")).toBe("urgency");
    expect(keyFromLabel("2nd try!")).toBe("f2ndTry");
  });
});
