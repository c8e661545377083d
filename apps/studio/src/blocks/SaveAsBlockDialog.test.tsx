// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { blockFromSelection, type Block } from "@baton/model";
import { sampleProcess } from "../test/sample-process.ts";
import { SaveAsBlockDialog } from "./SaveAsBlockDialog.tsx";
import { testBlocksApi, type TestBlocksApi } from "./test-blocks-api.ts";
import { renderWithBlocks } from "./test-render.tsx";

afterEach(cleanup);

const loop = ["callBack", "decision", "lost"];

function open(api: TestBlocksApi, selectedStepIds = loop) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithBlocks(<SaveAsBlockDialog definition={sampleProcess()} selectedStepIds={selectedStepIds} open onClose={onClose} onSaved={onSaved} />, api);
  return { onSaved, onClose };
}
const field = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

/** The loop as it was saved earlier, twice, and used by the lead process. */
const existing: Block = {
  schemaVersion: 1,
  key: "call-back",
  name: "Call back until decided",
  description: "",
  ...(blockFromSelection(sampleProcess(), loop) as Pick<Block, "steps" | "connections">),
};
const usage = {
  drafts: [{ processKey: "lead-to-customer", name: "Lead to customer", blockVersions: [1, 2] }],
  published: [{ processKey: "lead-to-customer", name: "Lead to customer", version: 4, blockVersions: [1] }],
};

describe("SaveAsBlockDialog", () => {
  it("saves the selection as a new block under a key made from its name", async () => {
    const api = testBlocksApi();
    const { onSaved, onClose } = open(api);
    expect(screen.getByRole("dialog", { name: "Save as block" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "The selection: 3 steps, 3 connections" })).toBeTruthy();
    type("Name", "Call back (until decided)");
    expect(field("Key").value).toBe("call-back-until-decided");
    type("Description", "Calls until the prospect decides.");
    fireEvent.click(await screen.findByRole("button", { name: "Save block" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ key: "call-back-until-decided", version: 1, name: "Call back (until decided)", createdAt: expect.any(String) }));
    expect(onClose).toHaveBeenCalled();
    expect(api.saves).toHaveLength(1);
    expect(api.saves[0]).toMatchObject({ key: "call-back-until-decided", description: "Calls until the prospect decides.", expectedVersion: null });
    expect(api.saves[0]!.steps.map((s) => [s.id, s.position])).toEqual([
      ["callBack", { x: 0, y: 0 }],
      ["decision", { x: 280, y: 15 }],
      ["lost", { x: 440, y: 140 }],
    ]);
  });

  it("stops following the name once the key is edited", () => {
    open(testBlocksApi());
    type("Name", "Approval");
    type("Key", "manager-approval");
    type("Name", "Manager approval with escalation");
    expect(field("Key").value).toBe("manager-approval");
    type("Key", "Bad Key");
    expect(field("Key").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/use lower-case letters, digits and -/)).toBeTruthy();
  });

  it("offers the next version of an existing key and says where the block is used", async () => {
    const api = testBlocksApi([{ block: existing, versions: 2, usage }]);
    const { onSaved } = open(api);
    type("Name", "Call back");
    const save = await screen.findByRole("button", { name: "Save as version 3 of Call back until decided" });
    expect(screen.getByText(/already uses this key \(version 2\)/)).toBeTruthy();
    expect((await screen.findByText("— draft, block v1, v2")).parentElement?.textContent).toBe("Lead to customer — draft, block v1, v2");
    expect(screen.getByText("— published version 4, block v1")).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ key: "call-back", version: 3 })));
    expect(api.saves[0]!.expectedVersion).toBe(2);
  });

  it("shows what is wrong instead of saving", async () => {
    const api = testBlocksApi();
    open(api, ["start", "callBack"]);
    expect(screen.getByRole("list", { name: "Problems in the selection" }).textContent).toMatch(/a block cannot hold a start/);
    // The empty name is not scolded before the analyst tries to save.
    expect(screen.queryByText("must not be empty.")).toBeNull();
    fireEvent.click(await screen.findByRole("button", { name: "Save block" }));
    expect(screen.getByText("must not be empty.")).toBeTruthy();
    expect(field("Name").getAttribute("aria-invalid")).toBe("true");
    expect(api.saves).toEqual([]);
  });

  it("reports a save that lost the race and then offers the version after it", async () => {
    const api = testBlocksApi([{ block: existing }]);
    const { onSaved, onClose } = open(api);
    type("Name", "Call back");
    const save = await screen.findByRole("button", { name: "Save as version 2 of Call back until decided" });
    // Another analyst saves version 2 while the dialog is open.
    await api.save({ ...existing, expectedVersion: 1 });
    fireEvent.click(save);
    expect((await screen.findByRole("alert")).textContent).toMatch(/saved elsewhere \(now version 2\)/);
    expect(await screen.findByRole("button", { name: "Save as version 3 of Call back until decided" })).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("renders nothing while closed", () => {
    renderWithBlocks(<SaveAsBlockDialog definition={sampleProcess()} selectedStepIds={loop} open={false} onClose={() => {}} onSaved={() => {}} />, testBlocksApi());
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
