import { describe, expect, test } from "vitest";
import { formDefinitionSchema, type FormDefinition } from "../form-definition.ts";
import { processDefinitionSchema } from "../process-definition.ts";
import { formBlockFromFields } from "./form-block-format.ts";
import { followFormBlock, formBlockUsages, FormBlockKeyClashError, insertFormBlock } from "./insert-form-block.ts";
import { validateFormBlock } from "./validate-form-block.ts";

const contact = () =>
  formBlockFromFields(
    [
      { id: "f-email", type: "email", key: "email", label: "E-mail", required: true },
      { id: "f-phone", type: "phone", key: "phone", label: "Phone", required: false },
    ],
    { key: "customer-contact", name: "Customer contact" },
  );
const form = (): FormDefinition =>
  formDefinitionSchema.parse({ schemaVersion: 1, blocks: [{ id: "f-name", type: "text", key: "name", label: "Name" }] });

describe("form blocks", () => {
  test("a block from fields is valid; a bad one gets problems with paths into it", () => {
    expect(validateFormBlock(contact())).toEqual([]);
    const twice = contact();
    twice.blocks.push({ id: "f-email", type: "text", key: "email", label: "Again", required: false });
    expect(validateFormBlock(twice).map((p) => [p.code, p.path])).toEqual([
      ["form.duplicate-field-id", ["blocks", 2, "id"]],
      ["form.duplicate-key", ["blocks", 2, "key"]],
    ]);
    expect(validateFormBlock({ ...contact(), name: " " })[0]!.message).toMatch(/^Form block, name/);
  });

  test("inserts a marked section with fresh ids, twice apart, at an index", () => {
    const once = insertFormBlock(form(), contact(), 2);
    expect(once.blocks[1]).toMatchObject({
      id: "customer-contact_1",
      type: "section",
      title: "Customer contact",
      block: { key: "customer-contact", version: 2 },
      children: [{ id: "customer-contact_1_f-email", key: "email" }, { id: "customer-contact_1_f-phone" }],
    });
    expect(formDefinitionSchema.parse(once)).toEqual(once);
    const other = { ...contact(), key: "other", blocks: [{ id: "f-email", type: "text" as const, key: "mail", label: "Mail", required: false }] };
    const first = insertFormBlock(form(), other, 1, { index: 0 });
    expect(first.blocks.map((b) => b.id)).toEqual(["other_1", "f-name"]);
  });

  test("refuses a key the form already uses, naming it", () => {
    const once = insertFormBlock(form(), contact(), 1);
    expect(() => insertFormBlock(once, contact(), 1)).toThrow(FormBlockKeyClashError);
    expect(() => insertFormBlock(once, contact(), 1)).toThrow(/"email", "phone"/);
  });

  test("follows a newer version, keeping the section, and lists usages", () => {
    const once = insertFormBlock(form(), contact(), 1);
    const section = once.blocks[1]!;
    if (section.type !== "section") throw new Error("expected a section");
    once.blocks[1] = { ...section, title: "Contact", visibleIf: "name != null" };
    const v2 = contact();
    v2.blocks.push({ id: "f-fax", type: "phone", key: "fax", label: "Fax", required: false });
    const followed = followFormBlock(once, "customer-contact_1", v2, 2);
    expect(followed.blocks[1]).toMatchObject({
      id: "customer-contact_1",
      title: "Contact",
      visibleIf: "name != null",
      block: { key: "customer-contact", version: 2 },
    });
    expect((followed.blocks[1] as { children: { key: string }[] }).children.map((c) => c.key)).toEqual(["email", "phone", "fax"]);
    expect(() => followFormBlock(once, "nope", v2, 2)).toThrow(/no section "nope"/);

    const process = processDefinitionSchema.parse({
      schemaVersion: 1,
      key: "contact-process",
      name: "P",
      steps: [
        { id: "start", kind: "start", position: { x: 0, y: 0 }, form: followed },
        { id: "end", kind: "end", position: { x: 0, y: 0 } },
      ],
      connections: [],
    });
    expect(formBlockUsages(process)).toEqual([{ stepId: "start", sectionId: "customer-contact_1", key: "customer-contact", version: 2 }]);
  });
});
