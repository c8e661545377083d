// @vitest-environment jsdom
import Form from "@rjsf/core";
import { formDefinitionSchema } from "@baton/model";
import { act, createRef, useState } from "react";
import type { Dispatch, SetStateAction } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileForm } from "../compile-form.ts";
import { BatonForm, type BatonFormHandle, type BatonFormProps, type FormData } from "./BatonForm.tsx";
import { fieldErrorsToErrorSchema } from "./error-schema.ts";

/**
 * BatonForm is semi-controlled (see `form-feed.ts`): rjsf keeps what is
 * typed and gets a new `formData` only when the page or the rules change the
 * data. These are the page's side of that: whatever the page does between
 * keystrokes, the form shows the right data and reports every change.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const card = compileForm(
  formDefinitionSchema.parse({
    schemaVersion: 1,
    blocks: [
      { id: "f-name", type: "text", key: "name", label: "Name", required: true },
      {
        id: "f-category",
        type: "select",
        key: "category",
        label: "Card category",
        options: [
          { value: "standard", label: "Standard" },
          { value: "gold", label: "Gold" },
        ],
      },
      { id: "f-engraving", type: "text", key: "engraving", label: "Engraving", visibleIf: 'category = "gold"' },
    ],
  }),
);

let root: Root | null = null;
let container: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container.remove();
  vi.restoreAllMocks();
});

function mount(element: React.ReactNode): void {
  container = document.body.appendChild(document.createElement("div"));
  root = createRoot(container);
  act(() => root!.render(element));
}

const control = <T extends HTMLElement = HTMLInputElement>(id: string) => container.querySelector<T>(`#${id}`);

/** What a keystroke does: the input's value changes, then an input event. */
function type(id: string, value: string): void {
  const input = control(id)!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
  act(() => input.dispatchEvent(new Event("input", { bubbles: true })));
}

/** Picks the option at `index` of a select (its options' values are their positions). */
function choose(id: string, index: number): void {
  const select = control<HTMLSelectElement>(id)!;
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, String(index));
  act(() => select.dispatchEvent(new Event("change", { bubbles: true })));
}

/** A page that keeps the data in state, the way the portal's task and start pages do. */
function renderPage(initial: FormData, props: Partial<BatonFormProps> = {}) {
  const changes: [FormData, string | undefined][] = [];
  const formRef = createRef<BatonFormHandle>();
  const onSubmit = vi.fn<(data: FormData) => void>();
  const page: { setData?: Dispatch<SetStateAction<FormData>>; setProps?: Dispatch<SetStateAction<Partial<BatonFormProps>>> } = {};
  function Page() {
    const [data, setData] = useState(initial);
    const [extra, setProps] = useState(props);
    page.setData = setData;
    page.setProps = setProps;
    return (
      <BatonForm
        schema={card.schema}
        uiSchema={card.uiSchema}
        formData={data}
        formRef={formRef}
        onSubmit={onSubmit}
        onChange={(next, fieldId) => {
          changes.push([next, fieldId]);
          setData(next);
        }}
        {...extra}
      />
    );
  }
  mount(<Page />);
  return {
    changes,
    formRef,
    onSubmit,
    lastData: () => changes.at(-1)?.[0],
    setData: (data: FormData) => act(() => page.setData!(data)),
    setProps: (next: Partial<BatonFormProps>) => act(() => page.setProps!(next)),
  };
}

describe("BatonForm, semi-controlled", () => {
  it("derives rjsf's state once per keystroke: the data the page hands back is not fed to rjsf again", () => {
    const { changes } = renderPage({ name: "Ad" });
    const derive = vi.spyOn(Form.prototype, "getStateFromProps");
    type("root_name", "Ada");
    expect(derive).toHaveBeenCalledTimes(1);
    expect(changes.at(-1)).toEqual([{ name: "Ada" }, "root_name"]);
    expect(control("root_name")!.value).toBe("Ada");
  });

  it("hides a field live, leaves its value out of the data and brings it back with the rule", () => {
    const { lastData } = renderPage({ name: "Ada" });
    expect(control("root_engraving")).toBeNull();
    choose("root_category", 1);
    type("root_engraving", "A.L.");
    expect(lastData()).toEqual({ name: "Ada", category: "gold", engraving: "A.L." });

    choose("root_category", 0);
    expect(control("root_engraving")).toBeNull();
    expect(lastData()).toEqual({ name: "Ada", category: "standard" });

    choose("root_category", 1);
    expect(control("root_engraving")!.value).toBe("A.L.");
    expect(lastData()).toEqual({ name: "Ada", category: "gold", engraving: "A.L." });
  });

  it("applies the rules to what is typed when the page does not hand the data back", () => {
    const onChange = vi.fn();
    mount(<BatonForm schema={card.schema} uiSchema={card.uiSchema} formData={{ name: "Ada" }} onChange={onChange} />);
    choose("root_category", 1);
    type("root_engraving", "A.L.");
    type("root_name", "Ada L.");
    expect(onChange).toHaveBeenLastCalledWith({ name: "Ada L.", category: "gold", engraving: "A.L." }, "root_name");
    expect(control("root_engraving")!.value).toBe("A.L.");
  });

  it("shows data the page loads in place of what was typed", () => {
    const { setData } = renderPage({ name: "Ada" });
    type("root_name", "Adam");
    setData({ name: "Grace", category: "gold", engraving: "G.H." });
    expect(control("root_name")!.value).toBe("Grace");
    expect(control("root_engraving")!.value).toBe("G.H.");
  });

  it("goes back to the data the page loaded first, although rjsf was handed nothing since", () => {
    const { setData, changes } = renderPage({ name: "Ada" });
    type("root_name", "Adam");
    type("root_name", "Adams");
    setData({ name: "Ada" });
    expect(control("root_name")!.value).toBe("Ada");
    type("root_name", "Ada!");
    expect(changes.at(-1)).toEqual([{ name: "Ada!" }, "root_name"]);
  });

  it("keeps what was typed when the server's errors arrive or the form is disabled", () => {
    const { setProps } = renderPage({ name: "Ada" });
    type("root_name", "Adam");
    setProps({ extraErrors: fieldErrorsToErrorSchema([{ path: "/name", message: "Name is taken." }]) });
    expect(control("root_name")!.value).toBe("Adam");
    expect(container.textContent).toContain("Name is taken.");
    setProps({ disabled: true });
    expect(control("root_name")!.value).toBe("Adam");
    expect(control("root_name")!.disabled).toBe(true);
  });

  it("submits what was typed", async () => {
    const { formRef, onSubmit } = renderPage({ name: "Ada" });
    type("root_name", "Adam");
    await act(async () => formRef.current?.submit());
    expect(onSubmit).toHaveBeenCalledWith({ name: "Adam" });
  });
});
