import { compileForm } from "@baton/forms";
import { BatonForm } from "@baton/forms/react";
import type { BatonFormContext, BatonFormHandle, Directory, FormData } from "@baton/forms/react";
import { formDefinitionSchema } from "@baton/model";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { createRef, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The blocks beyond plain inputs, rendered by the shared theme from forms
 * the real compiler made, the way the portal renders task and start forms:
 * controlled, with the instance's variables and the directory passed in.
 */
afterEach(cleanup);

const compile = (blocks: unknown[]) => compileForm(formDefinitionSchema.parse({ schemaVersion: 1, blocks }));

type Harness = {
  variables?: Record<string, unknown>;
  choices?: BatonFormContext["choices"];
  directory?: Directory;
  initial?: FormData;
  readonly?: boolean;
};

function renderForm(form: ReturnType<typeof compile>, options: Harness = {}) {
  const formRef = createRef<BatonFormHandle>();
  const onSubmit = vi.fn<(data: FormData) => void>();
  const changes: FormData[] = [];
  function Page() {
    const [data, setData] = useState<FormData>(options.initial ?? {});
    return (
      <BatonForm
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={data}
        onChange={(next) => {
          changes.push(next);
          setData(next);
        }}
        onSubmit={onSubmit}
        formRef={formRef}
        variables={options.variables}
        choices={options.choices}
        directory={options.directory}
        readonly={options.readonly}
      />
    );
  }
  render(<Page />);
  return { formRef, onSubmit, changes, lastData: () => changes.at(-1) };
}

describe("repeating table", () => {
  const loans = compile([
    {
      id: "f-loans",
      type: "table",
      key: "loans",
      label: "Existing loans",
      totalOf: "monthly",
      columns: [
        { id: "c1", type: "text", key: "lender", label: "Lender", required: true },
        { id: "c2", type: "currency", key: "monthly", label: "Monthly payment", currency: "EUR", minimum: 0 },
      ],
    },
  ]);

  it("has column headers, adds rows with the keyboard focus in the new row, and totals a column", () => {
    const { lastData } = renderForm(loans);
    expect(screen.getByText("No rows yet.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull(); // no empty grid of headers

    fireEvent.click(screen.getByRole("button", { name: /Add row/ }));
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Lender *", "Monthly payment", "Actions"]);
    expect(document.activeElement?.id).toBe("root_loans_0_lender");
    fireEvent.change(document.activeElement!, { target: { value: "Bank A" } });
    fireEvent.change(screen.getByLabelText("Monthly payment"), { target: { value: "250.5" } });

    fireEvent.click(screen.getByRole("button", { name: /Add row/ }));
    expect(document.activeElement?.id).toBe("root_loans_1_lender");
    fireEvent.change(document.activeElement!, { target: { value: "Car dealer" } });
    fireEvent.change(document.getElementById("root_loans_1_monthly")!, { target: { value: "99.5" } });

    expect(lastData()).toEqual({ loans: [{ lender: "Bank A", monthly: 250.5 }, { lender: "Car dealer", monthly: 99.5 }] });
    const footer = table.querySelector("tfoot")!;
    expect(within(footer).getByRole("rowheader").textContent).toBe("Total monthly payment");
    expect(footer.querySelector(".bf-table-total")?.textContent).toMatch(/350\.00/);
  });

  it("removes a row by its button, moves focus to the row that took its place, and updates the total", () => {
    const { lastData } = renderForm(loans, {
      initial: { loans: [{ lender: "A", monthly: 1 }, { lender: "B", monthly: 2 }, { lender: "C", monthly: 4 }] },
    });
    const table = screen.getByRole("table");
    expect(table.querySelector(".bf-table-total")?.textContent).toMatch(/7\.00/);
    fireEvent.click(screen.getByRole("button", { name: "Remove row 2" }));
    expect(lastData()).toEqual({ loans: [{ lender: "A", monthly: 1 }, { lender: "C", monthly: 4 }] });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove row 2" }));
    expect(table.querySelector(".bf-table-total")?.textContent).toMatch(/5\.00/);
  });

  it("names the row of a cell's error when the form is submitted", async () => {
    const { formRef, onSubmit } = renderForm(loans, { initial: { loans: [{ monthly: 3 }] } });
    await act(async () => formRef.current?.submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("Lender in row 1 is required.").length).toBeGreaterThan(0);
  });
});

describe("visible-if and required-if, live", () => {
  const card = compile([
    {
      id: "f-category",
      type: "select",
      key: "category",
      label: "Card category",
      required: true,
      options: [
        { value: "standard", label: "Standard" },
        { value: "gold", label: "Gold" },
      ],
    },
    {
      id: "s-gold",
      type: "section",
      title: "Gold card",
      visibleIf: 'category = "gold"',
      children: [
        {
          id: "f-benefits",
          type: "checkboxes",
          key: "benefits",
          label: "Gold card benefits",
          required: true,
          options: [
            { value: "lounge", label: "Airport lounge" },
            { value: "insurance", label: "Travel insurance" },
          ],
        },
      ],
    },
    { id: "f-amount", type: "currency", key: "amount", label: "Amount", currency: "EUR" },
    { id: "f-purpose", type: "longText", key: "purpose", label: "Purpose", requiredIf: "amount > limit" },
  ]);

  it("shows the gold section for gold only, forgets its answers in the data and restores them on the way back", () => {
    const { lastData } = renderForm(card, { variables: { limit: 50000 } });
    expect(screen.queryByRole("group", { name: "Gold card" })).toBeNull();

    fireEvent.change(screen.getByLabelText(/^Card category/), { target: { value: "1" } });
    const section = screen.getByRole("group", { name: "Gold card" });
    fireEvent.click(within(section).getByLabelText("Airport lounge"));
    expect(lastData()).toEqual({ category: "gold", benefits: ["lounge"] });

    fireEvent.change(screen.getByLabelText(/^Card category/), { target: { value: "0" } });
    expect(screen.queryByRole("group", { name: "Gold card" })).toBeNull();
    expect(lastData()).toEqual({ category: "standard" });

    fireEvent.change(screen.getByLabelText(/^Card category/), { target: { value: "1" } });
    expect((screen.getByLabelText("Airport lounge") as HTMLInputElement).checked).toBe(true);
    expect(lastData()).toEqual({ category: "gold", benefits: ["lounge"] });
  });

  it("requires a shown required field, and not a hidden one", async () => {
    const { formRef, onSubmit } = renderForm(card, { initial: { category: "gold" } });
    await act(async () => formRef.current?.submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("Gold card benefits is required.").length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText(/^Card category/), { target: { value: "0" } });
    await act(async () => formRef.current?.submit());
    expect(onSubmit).toHaveBeenCalledWith({ category: "standard" });
  });

  it("marks a field required while its required-if holds, reading the instance's variables", async () => {
    const { formRef, onSubmit } = renderForm(card, { variables: { limit: 50000 }, initial: { category: "standard" } });
    expect(screen.getByLabelText(/^Purpose/).closest(".bf-field")?.querySelector(".bf-required")).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: "80000" } });
    expect(screen.getByLabelText(/^Purpose/).closest(".bf-field")?.querySelector(".bf-required")).not.toBeNull();
    await act(async () => formRef.current?.submit());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("Purpose is required.").length).toBeGreaterThan(0);
  });
});

describe("user and group pickers", () => {
  const directory: Directory = {
    users: [
      { username: "sam", displayName: "Sam Sales" },
      { username: "sara", displayName: "Sara Sales" },
      { username: "dana", displayName: "Dana Desk" },
    ],
    groups: [
      { key: "sales", name: "Sales" },
      { key: "service-desk", name: "Service desk" },
    ],
  };
  const pickers = compile([
    { id: "f1", type: "user", key: "officer", label: "Credit officer", required: true },
    { id: "f2", type: "group", key: "team", label: "Team" },
  ]);

  it("searches the directory as one types; arrows and Enter pick; the name shows, the user name is stored", () => {
    const { lastData } = renderForm(pickers, { directory });
    const officer = screen.getByRole("combobox", { name: /Credit officer/ });
    fireEvent.change(officer, { target: { value: "sa" } });
    const list = screen.getByRole("listbox", { name: "Matching persons" });
    expect(within(list).getAllByRole("option").map((o) => o.querySelector(".bf-picker-label")?.textContent)).toEqual(["Sam Sales", "Sara Sales"]);
    fireEvent.keyDown(officer, { key: "ArrowDown" });
    expect(officer.getAttribute("aria-activedescendant")).toBe(within(list).getAllByRole("option")[1]!.id);
    fireEvent.keyDown(officer, { key: "Enter" });
    expect(lastData()).toEqual({ officer: "sara" });
    expect((officer as HTMLInputElement).value).toBe("Sara Sales");
    expect(officer.getAttribute("aria-expanded")).toBe("false");
  });

  it("Escape goes back to the value before; a group is picked by mouse and stored by key", () => {
    const { lastData } = renderForm(pickers, { directory, initial: { officer: "dana" } });
    const officer = screen.getByRole("combobox", { name: /Credit officer/ }) as HTMLInputElement;
    expect(officer.value).toBe("Dana Desk");
    fireEvent.change(officer, { target: { value: "xyz" } });
    expect(screen.getByText("No person matches “xyz”.")).toBeTruthy();
    fireEvent.keyDown(officer, { key: "Escape" });
    expect(officer.value).toBe("Dana Desk");

    const team = screen.getByRole("combobox", { name: /Team/ });
    fireEvent.change(team, { target: { value: "desk" } });
    fireEvent.mouseDown(screen.getByRole("option", { name: /Service desk/ }));
    expect(lastData()).toEqual({ officer: "dana", team: "service-desk" });
  });
});

describe("other blocks", () => {
  it("shows the currency's symbol and the percent sign next to the numbers", () => {
    renderForm(compile([
      { id: "f1", type: "currency", key: "amount", label: "Amount", currency: "EUR" },
      { id: "f2", type: "percent", key: "rate", label: "Rate" },
    ]));
    const amount = screen.getByLabelText("Amount") as HTMLInputElement;
    expect(amount.type).toBe("number");
    expect(amount.step).toBe("0.01");
    expect(amount.closest(".bf-affix")?.textContent).toContain("€");
    expect(screen.getByLabelText("Rate").closest(".bf-affix")?.textContent).toContain("%");
  });

  it("takes a date and time in local time and stores it in UTC", () => {
    const { lastData } = renderForm(compile([{ id: "f1", type: "dateTime", key: "at", label: "Meeting" }]));
    fireEvent.change(screen.getByLabelText("Meeting"), { target: { value: "2024-05-01T10:30" } });
    expect(lastData()).toEqual({ at: new Date("2024-05-01T10:30").toISOString() });
  });

  it("offers the options a variable holds, shows earlier values and static text side by side in columns", () => {
    renderForm(
      compile([
        { id: "t1", type: "staticText", text: "Check the figures.\n\nThen choose." },
        {
          id: "cols",
          type: "columns",
          columns: [
            { children: [{ id: "d1", type: "display", label: "Amount applied for", variable: "amount", format: "currency", currency: "EUR" }] },
            { children: [{ id: "f1", type: "select", key: "branch", label: "Branch", optionsFrom: { variable: "branches" } }] },
          ],
        },
        { id: "d2", type: "display", label: "Existing loans", variable: "loans" },
      ]),
      { variables: { amount: 60000, branches: [{ value: "ber", label: "Berlin" }, "Paris"], loans: [{ lender: "Bank A", monthlyPayment: 100 }] } },
    );
    expect(screen.getByText("Check the figures.").tagName).toBe("P");
    const amount = screen.getByRole("group", { name: "Amount applied for" });
    expect(amount.textContent).toMatch(/60,000\.00/);
    expect(amount.closest(".bf-columns")).not.toBeNull();
    const branch = screen.getByLabelText("Branch") as HTMLSelectElement;
    expect([...branch.options].map((o) => o.textContent)).toEqual(["Choose…", "Berlin", "Paris"]);
    const loans = screen.getByRole("group", { name: "Existing loans" });
    expect(within(loans).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Lender", "Monthly payment"]);
  });

  it("lists the problems in the order of the form, as the server does", async () => {
    const { formRef } = renderForm(
      compile([
        { id: "f1", type: "text", key: "number", label: "Contract number", pattern: "^CR-[0-9]{6}$", patternMessage: "Contract number must look like CR-123456." },
        { id: "f2", type: "dateTime", key: "signedAt", label: "Signed at", required: true },
      ]),
      { initial: { number: "12345" } },
    );
    await act(async () => formRef.current?.submit());
    const summary = document.querySelector<HTMLElement>("[data-error-summary]")!;
    expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Contract number must look like CR-123456.",
      "Signed at is required.",
    ]);
  });

  it("shows an earlier choice by its option's label", () => {
    renderForm(compile([{ id: "d1", type: "display", label: "Benefits asked for", variable: "benefits" }]), {
      variables: { benefits: ["lounge", "other"] },
      choices: { benefits: { options: { lounge: "Airport lounge" } } },
    });
    expect(screen.getByRole("group", { name: "Benefits asked for" }).textContent).toContain("Airport lounge, other");
  });

  it("reads an earlier value as the field that wrote it: money in its currency, a table under its column labels", () => {
    renderForm(
      compile([
        { id: "d1", type: "display", label: "Amount applied for", variable: "amount" },
        { id: "d2", type: "display", label: "Existing loans", variable: "loans" },
      ]),
      {
        variables: { amount: 45000, loans: [{ item: "City Bank", monthlyPayment: 310.5, kind: "car", note: "x" }] },
        choices: {
          amount: { label: "Amount", format: "currency", currency: "EUR" },
          loans: {
            label: "Loans",
            columns: [
              { key: "item", label: "Lender" },
              { key: "kind", label: "Kind", options: { car: "Car loan" } },
              { key: "monthlyPayment", label: "Monthly payment", format: "currency", currency: "EUR" },
            ],
          },
        },
      },
    );
    expect(screen.getByRole("group", { name: "Amount applied for" }).textContent).toMatch(/€45,000\.00/);
    const loans = screen.getByRole("group", { name: "Existing loans" });
    // Known columns in the table's order; a value no column names still shows, under its key.
    expect(within(loans).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Lender", "Kind", "Monthly payment", "Note"]);
    expect(within(loans).getAllByRole("cell").map((c) => c.textContent)).toEqual(["City Bank", "Car loan", "€310.50", "x"]);
  });

  it("multi-select: filters a long list, shows the choices as chips that can be removed", () => {
    const options = ["Germany", "France", "Italy", "Spain", "Poland", "Austria", "Belgium"].map((l) => ({ value: l.slice(0, 2).toLowerCase(), label: l }));
    const { lastData } = renderForm(compile([{ id: "f1", type: "multiSelect", key: "countries", label: "Countries", options }]));
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter Countries" }), { target: { value: "an" } });
    expect(screen.getAllByRole("checkbox").map((c) => c.closest("label")?.textContent)).toEqual(["Germany", "France", "Poland"]);
    fireEvent.click(screen.getByLabelText("France"));
    fireEvent.click(screen.getByLabelText("Germany"));
    expect(lastData()).toEqual({ countries: ["ge", "fr"] });
    fireEvent.click(screen.getByRole("button", { name: "Remove Germany" }));
    expect(lastData()).toEqual({ countries: ["fr"] });
  });
});

describe("earlier rows shown read-only", () => {
  it("writes a stored instant (a vote's time) as a date and time, not as code", () => {
    const form = compile([{ id: "d-votes", type: "display", label: "Votes", variable: "visa.votes" }]);
    renderForm(form, { variables: { visa: { votes: [{ by: "dana", decision: "reject", comment: "Replace it", at: "2026-12-07T04:18:55.749Z" }] } } });
    const cells = screen.getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toContain("Replace it");
    expect(cells.some((t) => t?.includes("2026-12-07T"))).toBe(false);
    expect(cells.some((t) => /2026/.test(t ?? ""))).toBe(true);
  });
});
