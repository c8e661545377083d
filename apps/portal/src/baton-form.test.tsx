import { compileForm } from "@baton/forms";
import { BatonForm, fieldErrorsToErrorSchema } from "@baton/forms/react";
import type { BatonFormHandle, FormData } from "@baton/forms/react";
import type { FormDefinition } from "@baton/model";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The shared form theme, rendered from a real compiled form (the compiler
 * of @baton/forms), the way the portal and the studio preview use it.
 */
const lead: FormDefinition = {
  schemaVersion: 1,
  blocks: [
    { id: "f1", key: "name", type: "text", label: "Name", required: true, help: "As on their ID card" },
    { id: "f2", key: "phone", type: "phone", label: "Phone", required: false },
    { id: "f3", key: "email", type: "email", label: "E-mail", required: false },
    {
      id: "s1",
      type: "section",
      title: "Interest",
      description: "What they asked about",
      children: [
        {
          id: "f4",
          key: "product",
          type: "select",
          label: "Product",
          required: true,
          options: [
            { value: "basic", label: "Basic plan" },
            { value: "pro", label: "Pro plan" },
          ],
        },
        { id: "f5", key: "callBack", type: "yesNo", label: "Call back?", required: true },
      ],
    },
  ],
};
const { schema, uiSchema } = compileForm(lead);

afterEach(cleanup);

function renderForm(props: Partial<Parameters<typeof BatonForm>[0]> = {}) {
  const formRef = createRef<BatonFormHandle>();
  const onSubmit = vi.fn<(data: FormData) => void>();
  const utils = render(
    <BatonForm schema={schema} uiSchema={uiSchema} formRef={formRef} onSubmit={onSubmit} {...props} />,
  );
  return { ...utils, formRef, onSubmit };
}

/** The field wrapper around a control: where its label, errors and help live. */
function fieldOf(control: HTMLElement): HTMLElement {
  const field = control.closest<HTMLElement>(".bf-field");
  if (!field) throw new Error(`no .bf-field around #${control.id}`);
  return field;
}

describe("BatonForm", () => {
  it("labels every control, marks required fields and shows help below", () => {
    renderForm();
    const name = screen.getByLabelText(/^Name/);
    expect(name.tagName).toBe("INPUT");
    expect((name as HTMLInputElement).required).toBe(true);
    expect(within(fieldOf(name)).getByText("*", { exact: false }).className).toContain("bf-required");

    const help = screen.getByText("As on their ID card");
    expect(name.getAttribute("aria-describedby")).toBe(help.id);

    const phone = screen.getByLabelText("Phone") as HTMLInputElement;
    expect(phone.type).toBe("tel");
    expect(fieldOf(phone).querySelector(".bf-required")).toBeNull();
    expect((screen.getByLabelText("E-mail") as HTMLInputElement).type).toBe("email");
  });

  it("starts a required choice empty, so nobody submits a decision they never made", () => {
    const onChange = vi.fn();
    renderForm({ onChange });
    expect((screen.getByLabelText(/^Product/) as HTMLSelectElement).value).toBe("");
    for (const call of onChange.mock.calls) expect(call[0]).not.toHaveProperty("product");
  });

  it("starts a required yes/no unanswered, so neither Yes nor No is chosen for the participant", () => {
    const onChange = vi.fn();
    renderForm({ onChange });
    const yesNo = screen.getByRole("group", { name: /Call back\?/ });
    expect(within(yesNo).getAllByRole("radio").map((r) => (r as HTMLInputElement).checked)).toEqual([false, false]);
    for (const call of onChange.mock.calls) expect(call[0]).not.toHaveProperty("callBack");
  });

  it("groups sections under a legend and renders Yes/No as a labelled radio pair", () => {
    renderForm();
    const section = screen.getByRole("group", { name: "Interest" });
    expect(within(section).getByLabelText(/^Product/).tagName).toBe("SELECT");
    const yesNo = within(section).getByRole("group", { name: /Call back\?/ });
    const radios = within(yesNo).getAllByRole("radio");
    expect(radios.map((r) => r.closest("label")?.textContent)).toEqual(["Yes", "No"]);
  });

  it("shows server errors (extraErrors) next to the field they belong to", () => {
    const extraErrors = fieldErrorsToErrorSchema([
      { path: "/phone", message: "Phone must be a phone number." },
      { path: "", message: "The form data is not valid." },
    ]);
    renderForm({ extraErrors, formData: { name: "Ada", phone: "12" } });

    const phone = screen.getByLabelText("Phone");
    const inField = within(fieldOf(phone)).getByText("Phone must be a phone number.");
    const errorBox = inField.closest("[role=alert]");
    expect(errorBox?.id).toBe("root_phone__error");
    expect(phone.getAttribute("aria-describedby")).toContain("root_phone__error");
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    // Not next to any other field
    expect(within(fieldOf(screen.getByLabelText("E-mail"))).queryByText(/phone number/)).toBeNull();
    // and listed in the summary at the top, with a button to the field
    const summary = screen.getByText(/Please fix 2 problems/).closest<HTMLElement>("[data-error-summary]");
    expect(summary).not.toBeNull();
    fireEvent.click(within(summary!).getByRole("button", { name: "Phone must be a phone number." }));
    expect(within(summary!).getByText("The form data is not valid.").tagName).toBe("LI");
    expect(document.activeElement).toBe(phone);
  });

  it("validates on submit only, with the server's wording, and submits valid data", async () => {
    const { formRef, onSubmit } = renderForm({ formData: { phone: "12" } });
    expect(screen.queryAllByRole("alert")).toHaveLength(0);

    await act(async () => formRef.current?.submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(fieldOf(screen.getByLabelText(/^Name/))).getByRole("alert").textContent).toBe("Name is required.");
    expect(within(fieldOf(screen.getByLabelText("Phone"))).getByRole("alert").textContent).toContain(
      "Phone must be a phone number",
    );
  });

  it("hands the data to onSubmit when it is valid", async () => {
    const data = { name: "Ada", product: "pro", callBack: false };
    const { formRef, onSubmit } = renderForm({ formData: data });
    await act(async () => formRef.current?.submit());
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining(data));
  });

  it("reports which field the user edited", () => {
    const onChange = vi.fn();
    renderForm({ onChange });
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: "Grace" } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: "Grace" }), "root_name");
  });

  it("is read-only when asked: inputs read-only, choices disabled, no submit", async () => {
    const { formRef, onSubmit } = renderForm({
      readonly: true,
      formData: { name: "Ada", product: "pro", callBack: true },
    });
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText(/^Product/) as HTMLInputElement).value).toBe("Pro plan");
    for (const radio of screen.getAllByRole("radio")) expect((radio as HTMLInputElement).disabled).toBe(true);
    await act(async () => formRef.current?.submit());
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
