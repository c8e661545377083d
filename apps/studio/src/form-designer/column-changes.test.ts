import type { ColumnField } from "@baton/model";
import { describe, expect, it } from "vitest";
import { relabelColumn } from "./column-changes.ts";

const column = (key: string, label: string): ColumnField => ({ id: `c-${key}`, key, label, type: "text", required: false });

describe("relabelColumn", () => {
  it("lets a key nobody chose follow the label: the table's first column and added ones", () => {
    const columns = [column("item", "Item"), column("column2", "Column 2")];
    expect(relabelColumn(columns, 0, "Lender ")).toEqual({ label: "Lender", key: "lender" });
    expect(relabelColumn(columns, 1, "Monthly payment")).toEqual({ label: "Monthly payment", key: "monthlyPayment" });
  });

  it("keeps a key typed on purpose, and never takes another column's key", () => {
    expect(relabelColumn([column("bank", "Lender")], 0, "Creditor")).toEqual({ label: "Creditor" });
    expect(relabelColumn([column("lender", "Lender"), column("column2", "Column 2")], 1, "Lender")).toEqual({ label: "Lender", key: "lender2" });
  });
});
