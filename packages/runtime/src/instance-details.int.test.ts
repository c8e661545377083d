import { expect, it } from "vitest";
import { testDatabaseTargets } from "@baton/db";
import { instanceDetails } from "./instance-details.ts";
import { startInstance } from "./start-instance.ts";
import { describeOnEachDatabase } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();

describeOnEachDatabase("an instance's details", targets, (fx) => {
  it("say how to read each variable: its label, option labels, money in its currency, a table's columns", async () => {
    const sam = await fx.as("sam");
    const started = await startInstance(fx.db, sam, {
      processKey: "credit-application",
      data: { applicantName: "Mary Jackson", email: "mary@example.com", product: "car", amount: 9000, termMonths: 24, category: "standard" },
    });
    const { fields } = await instanceDetails(fx.db, sam, started.instanceId);
    expect(fields.applicantName).toEqual({ label: "Full name" });
    expect(fields.amount).toEqual({ label: "Amount", format: "currency", currency: "EUR" });
    expect(fields.category).toMatchObject({ label: "Card category", options: { standard: "Standard", gold: "Gold" } });
    expect(fields.loans).toEqual({
      label: "Existing loans",
      columns: [
        { key: "lender", label: "Lender" },
        { key: "monthlyPayment", label: "Monthly payment", format: "currency", currency: "EUR" },
      ],
    });
  });
});
