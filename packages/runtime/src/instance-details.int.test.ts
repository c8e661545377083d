import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { tasks, testDatabaseTargets } from "@baton/db";
import { completeTask } from "./complete-task.ts";
import { instanceDetails } from "./instance-details.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
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

  it("name people, groups and the way each decision went, for readers who never see user names or conditions", async () => {
    const dana = await fx.as("dana");
    const started = await startInstance(fx.db, dana, {
      processKey: "support-request",
      data: { client: "ACME", channel: "phone", subject: "Printer jams", description: "Every morning", urgency: "low" },
    });
    const [dispatch] = await fx.db.select().from(tasks).where(and(eq(tasks.instanceId, started.instanceId), eq(tasks.status, "open")));
    await claimTask(fx.db, dana, dispatch!.id);
    await completeTask(fx.db, dana, { taskId: dispatch!.id, data: { responsible: "sam", helper: "sara" } });

    const details = await instanceDetails(fx.db, dana, started.instanceId);
    expect(details.fields.responsible).toMatchObject({ format: "user" });
    expect(details.names.people).toMatchObject({ sam: "Sam Sales", sara: "Sara Sales" });
    expect(details.names.groups).toMatchObject({ "service-desk": expect.any(String) });
    const decision = details.audit.find((a) => a.type === "decision.taken");
    expect(decision?.data).toMatchObject({ decision: "A helper?", way: "Yes", reason: expect.stringContaining("was true") });
    expect(details.audit.find((a) => a.type === "task.completed")?.actorName).toBe("Dana Desk");
    expect(details.startedByName).toBe("Dana Desk");
  });
});
