import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { processBlocks, testDatabaseTargets } from "@baton/db";
import { blockSchema, insertBlock, validateBlock, type Block, type ProcessDefinition } from "@baton/model";
import { completeTask } from "./complete-task.ts";
import { instanceDetails } from "./instance-details.ts";
import { getBlock, listBlocks, saveBlock } from "./process-blocks.ts";
import { publishDefinition } from "./publish.ts";
import { seedDemo } from "./seed.ts";
import { startInstance } from "./start-instance.ts";
import { claimTask } from "./task-access.ts";
import { inbox } from "./task-views.ts";
import { describeOnEachDatabase, templatesDir } from "./test-support/runtime-fixture.ts";

const targets = await testDatabaseTargets();
const APPROVAL = "manager-approval-with-escalation";
const shipped = (key: string): Block => blockSchema.parse(JSON.parse(readFileSync(join(templatesDir, "blocks", key, "block.json"), "utf8")));

/** An expense claim built around the approval block: start → block → end on "Approved". */
function expenseClaim(block: Block): ProcessDefinition {
  const host: ProcessDefinition = {
    schemaVersion: 1,
    key: "expense-claim",
    name: "Expense claim",
    timeZone: "UTC",
    usedBlocks: [],
    steps: [
      {
        id: "submit",
        kind: "start",
        name: "Submit the claim",
        position: { x: 0, y: 160 },
        starters: [],
        form: { schemaVersion: 1, blocks: [{ id: "f-amount", type: "number", key: "amount", label: "Amount", required: true }] },
      },
      { id: "paid", kind: "end", name: "Paid", position: { x: 900, y: 160 } },
    ],
    connections: [],
  };
  const { definition } = insertBlock(host, block, { version: 1, at: { x: 120, y: 20 } });
  const id = (stepId: string) => `${APPROVAL}_1_${stepId}`;
  return {
    ...definition,
    connections: [
      ...definition.connections,
      { id: "c-in", source: "submit", target: id("managerReview") },
      { id: "c-approved", source: id("approvedDecision"), target: "paid", label: "Approved", condition: 'approvalOutcome = "approved"' },
    ],
  };
}

describeOnEachDatabase("shipped process blocks", targets, (fx) => {
  it("are in the library as version 1 by admin, as their files hold them, without a problem", async () => {
    const listed = await listBlocks(fx.db, await fx.as("ana"));
    expect(listed.map((b) => [b.key, b.version, b.createdBy])).toEqual([
      ["customer-call-back", 1, "admin"],
      [APPROVAL, 1, "admin"],
    ]);
    for (const { key, block } of listed) {
      expect(block).toEqual(shipped(key));
      expect(validateBlock(block)).toEqual([]);
    }
    const approval = listed.find((b) => b.key === APPROVAL)!;
    expect(approval.name).toBe("Manager approval with escalation");
    expect(approval.block.steps.find((s) => s.id === "managerReview")).toMatchObject({
      kind: "userTask",
      assignment: { type: "group", group: "managers" },
      due: { type: "duration", duration: "P2D" },
    });
    expect(approval.block.connections.map((c) => c.label).filter(Boolean)).toEqual(["Escalated", "Returned", "Revised"]);
  });

  it("are not seeded again, and a block an analyst changed stays as they saved it", async () => {
    const ana = await fx.as("ana");
    const mine = shipped(APPROVAL);
    await saveBlock(fx.db, ana, { ...mine, name: "Approval by the team lead", expectedVersion: 1 });
    const rowsBefore = await fx.db.select().from(processBlocks);

    const report = await seedDemo(fx.db, templatesDir);
    expect(report.blocksCreated).toEqual([]);
    expect(await fx.db.select().from(processBlocks)).toEqual(rowsBefore);
    expect(await getBlock(fx.db, ana, APPROVAL)).toMatchObject({ version: 2, name: "Approval by the team lead", createdBy: "ana" });
  });

  it("runs in a published process: escalated, returned, revised, then approved by the manager", async () => {
    const [admin, dana, sara] = [await fx.as("admin"), await fx.as("dana"), await fx.as("sara")];
    const published = await publishDefinition(fx.db, await fx.as("ana"), expenseClaim(shipped(APPROVAL)));
    expect(published.created).toBe(true);
    const { instanceId } = await startInstance(fx.db, dana, { processKey: "expense-claim", data: { amount: 420 } });
    const queued = async () => (await inbox(fx.db, admin)).groupQueue.filter((t) => t.instanceId === instanceId);

    const [review] = await queued();
    expect(review).toMatchObject({ name: "Manager review", candidateGroup: { key: "managers" } });
    expect(Date.parse(review!.dueAt!) - Date.parse(review!.createdAt)).toBe(2 * 24 * 3600_000);
    await claimTask(fx.db, admin, review!.id);
    await completeTask(fx.db, admin, { taskId: review!.id, data: { approvalOutcome: "escalated", escalateTo: "sara", approvalComment: "Above my limit" } });

    const senior = (await inbox(fx.db, sara)).assigned.find((t) => t.instanceId === instanceId)!;
    expect(senior.name).toBe("Senior manager decision");
    const returned = await completeTask(fx.db, sara, { taskId: senior.id, data: { seniorOutcome: "returned", seniorComment: "Attach the receipts" } });
    expect(returned.next).toEqual([]); // the revision is the requester's
    const revise = (await inbox(fx.db, dana)).assigned.find((t) => t.instanceId === instanceId)!;
    expect(revise.name).toBe("Revise the request");
    await completeTask(fx.db, dana, { taskId: revise.id, data: { revisionNote: "Receipts attached" } });

    const [again] = await queued();
    expect(again?.name).toBe("Manager review");
    await claimTask(fx.db, admin, again!.id);
    const done = await completeTask(fx.db, admin, { taskId: again!.id, data: { approvalOutcome: "approved" } });
    expect(done.instanceStatus).toBe("completed");
    const details = await instanceDetails(fx.db, admin, instanceId);
    expect(details.variables).toMatchObject({ approvalOutcome: "approved", approvedBy: "admin", approvalComment: null, revisionNote: "Receipts attached" });
  });
});
