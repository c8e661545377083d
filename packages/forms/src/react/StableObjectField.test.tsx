// @vitest-environment jsdom
import Form, { getDefaultRegistry } from "@rjsf/core";
import type { FieldProps, RJSFSchema } from "@rjsf/utils";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { expect, it } from "vitest";
import { StableObjectField } from "./StableObjectField.tsx";
import { batonValidator } from "./validator.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it("re-renders only the field that changed, not every field of the object", () => {
  const keys = Array.from({ length: 30 }, (_, i) => `f${i}`);
  const schema: RJSFSchema = { type: "object", properties: Object.fromEntries(keys.map((k) => [k, { type: "string" }])) };
  const RjsfSchemaField = getDefaultRegistry().fields.SchemaField!;
  const rendered: string[] = [];
  function SchemaField(props: FieldProps) {
    rendered.push(props.name);
    return <RjsfSchemaField {...props} />;
  }
  const container = document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  act(() => root.render(<Form schema={schema} validator={batonValidator} fields={{ SchemaField, ObjectField: StableObjectField }} />));

  rendered.length = 0;
  const input = container.querySelector<HTMLInputElement>("#root_f7")!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, "x");
  act(() => input.dispatchEvent(new Event("input", { bubbles: true })));
  expect(input.value).toBe("x");
  expect(rendered.filter((name) => name !== "")).toEqual(["f7"]);
  act(() => root.unmount());
  container.remove();
});
