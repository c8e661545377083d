import { processKeySchema } from "@baton/model";
import { describe, expect, it } from "vitest";
import { blockKeyFromName } from "./block-key.ts";

describe("blockKeyFromName", () => {
  it.each([
    ["Manager approval with escalation", "manager-approval-with-escalation"],
    ["  Manager approval (2 levels)!  ", "manager-approval-2-levels"],
    ["Prüfung durch Geschäftsführung", "prufung-durch-geschaftsfuhrung"],
    ["4-eyes check", "eyes-check"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (name, key) => {
    expect(blockKeyFromName(name)).toBe(key);
  });

  it("stays within the key rule for long names", () => {
    const key = blockKeyFromName(`${"Approve ".repeat(7)}and then some more`);
    expect(key.length).toBeLessThanOrEqual(63);
    expect(key.endsWith("-")).toBe(false);
    expect(processKeySchema.safeParse(key).success).toBe(true);
  });
});
