// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Block } from "@baton/model";
import { BLOCK_DRAG_TYPE } from "./block-drag.ts";
import { BlockLibrary } from "./BlockLibrary.tsx";
import { testBlocksApi } from "./test-blocks-api.ts";
import { renderWithBlocks } from "./test-render.tsx";

afterEach(cleanup);

const approval: Block = {
  schemaVersion: 1,
  key: "manager-approval",
  name: "Manager approval",
  description: "The manager approves; escalates after two days.",
  steps: [
    { id: "approve", kind: "userTask", name: "Approve", position: { x: 0, y: 0 }, assignment: { type: "group", group: "managers" }, form: { schemaVersion: 1, blocks: [] } },
    { id: "ok", kind: "exclusiveGateway", name: "Approved?", position: { x: 260, y: 15 } },
    { id: "rejected", kind: "end", name: "Rejected", position: { x: 267, y: 160 } },
  ],
  connections: [
    { id: "c1", source: "approve", target: "ok" },
    { id: "c2", source: "ok", target: "rejected", condition: "approved = false" },
  ],
};
const shipping: Block = { ...approval, key: "ship-order", name: "Ship the order", description: "Shipping sends it.", steps: approval.steps.slice(0, 1), connections: [] };
const usedTwice = {
  drafts: [
    { processKey: "a", name: "A", blockVersions: [1] },
    { processKey: "b", name: "B", blockVersions: [2] },
  ],
  published: [],
};

const library = () => testBlocksApi([{ block: approval, versions: 2, usage: usedTwice }, { block: shipping }]);

describe("BlockLibrary", () => {
  it("lists the latest version of each block with its preview, description and use", async () => {
    renderWithBlocks(<BlockLibrary onInsert={() => {}} />, library());
    const items = await screen.findAllByRole("listitem");
    expect(items.map((li) => within(li).getByText(/Manager approval|Ship the order/).textContent)).toEqual(["Manager approval", "Ship the order"]);
    const first = within(items[0]!);
    expect(first.getByLabelText("version 2").textContent).toBe("v2");
    expect(first.getByText("The manager approves; escalates after two days.")).toBeTruthy();
    expect(first.getByRole("img", { name: "Manager approval: 3 steps, 2 connections" })).toBeTruthy();
    expect(first.getByText("3 steps · used in 2 processes")).toBeTruthy();
    expect(items[0]!.querySelectorAll("rect, circle, polygon, line")).toHaveLength(5);
  });

  it("narrows the list to blocks matching every searched word", async () => {
    renderWithBlocks(<BlockLibrary onInsert={() => {}} />, library());
    await screen.findAllByRole("listitem");
    const search = screen.getByRole("searchbox", { name: "Search blocks" });
    fireEvent.change(search, { target: { value: "ESCALATES manager" } });
    expect(screen.getAllByRole("listitem").map((li) => li.querySelector(".block-item-name")?.textContent)).toEqual(["Manager approval"]);
    fireEvent.change(search, { target: { value: "ship-order" } });
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
    fireEvent.change(search, { target: { value: "invoice" } });
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.getByText("No block matches “invoice”.")).toBeTruthy();
  });

  it("inserts with the keyboard: the Insert button hands over the block and its version", async () => {
    const onInsert = vi.fn();
    renderWithBlocks(<BlockLibrary onInsert={onInsert} />, library());
    fireEvent.click(await screen.findByRole("button", { name: "Insert Manager approval" }));
    expect(onInsert).toHaveBeenCalledTimes(1);
    expect(onInsert.mock.calls[0]![0]).toMatchObject({ key: "manager-approval", version: 2, block: approval });
  });

  it("puts the block's key and version on a drag", async () => {
    renderWithBlocks(<BlockLibrary onInsert={() => {}} />, library());
    const [item] = await screen.findAllByRole("listitem");
    expect(item!.getAttribute("draggable")).toBe("true");
    const data = new Map<string, string>();
    const dataTransfer = { effectAllowed: "all", setData: (type: string, value: string) => void data.set(type, value) };
    fireEvent.dragStart(item!, { dataTransfer });
    expect(JSON.parse(data.get(BLOCK_DRAG_TYPE)!)).toEqual({ key: "manager-approval", version: 2 });
    expect(dataTransfer.effectAllowed).toBe("copy");
  });

  it("offers neither dragging nor inserting when disabled", async () => {
    renderWithBlocks(<BlockLibrary onInsert={() => {}} disabled />, library());
    const [item] = await screen.findAllByRole("listitem");
    expect(item!.getAttribute("draggable")).toBe("false");
    expect(screen.queryByRole("button", { name: /Insert/ })).toBeNull();
  });

  it("says how to fill an empty library", async () => {
    renderWithBlocks(<BlockLibrary onInsert={() => {}} />, testBlocksApi());
    expect(await screen.findByText(/No blocks yet\. Select steps on the canvas/)).toBeTruthy();
  });

  it("shows a failed load in words and loads again on request", async () => {
    const api = library();
    api.failNextList();
    renderWithBlocks(<BlockLibrary onInsert={() => {}} />, api);
    expect((await screen.findByRole("alert")).textContent).toMatch(/Could not reach the Baton server/);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findAllByRole("listitem")).toHaveLength(2);
  });
});
