import { describe, expect, it } from "vitest";
import { draftFormChange } from "./draft-form-change.ts";

describe("draftFormChange", () => {
  const record = () => {
    const calls: string[] = [];
    const onChange = draftFormChange(
      (d) => calls.push(`data ${JSON.stringify(d)}`),
      { change: (d) => calls.push(`save ${JSON.stringify(d)}`), update: (d) => calls.push(`keep ${JSON.stringify(d)}`) },
      (id) => calls.push(`edited ${id}`),
    );
    return { calls, onChange };
  };

  it("saves a user edit and clears that field's server errors", () => {
    const { calls, onChange } = record();
    onChange({ name: "Ada" }, "root_name");
    expect(calls).toEqual(['data {"name":"Ada"}', 'save {"name":"Ada"}', "edited root_name"]);
  });

  it("keeps data the form filled in by itself for the next save, without saving it", () => {
    const { calls, onChange } = record();
    onChange({ amount: 0 }, undefined);
    expect(calls).toEqual(['data {"amount":0}', 'keep {"amount":0}']);
  });
});
