import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me, TaskSummary } from "../lib/api-types.ts";
import { createQueryClient } from "../lib/query-client.ts";
import type { HandOverClient } from "./hand-over-client.ts";
import { HandOverDialog } from "./HandOverDialog.tsx";

/**
 * The dialog against an in-memory directory and task that keep the API's
 * contract (API.md `portal.directory`, `portal.reassign`: an unknown user is
 * INVALID_INPUT, a vote for its starter FORBIDDEN, each with the server's
 * sentence); the router and runtime tests hold the server to the same.
 */
afterEach(cleanup);

const task: TaskSummary = {
  id: "t-1",
  name: "Approve the purchase",
  stepId: "vote",
  processKey: "purchase",
  processName: "Purchase",
  processVersion: 1,
  instanceId: "i-1",
  instanceTitle: "Purchase #1 — Desk",
  status: "open",
  assignee: { username: "sara", displayName: "Sara Sales" },
  candidateGroup: { key: "sales", name: "Sales" },
  dueAt: null,
  escalationLevel: 0,
  createdAt: "2026-03-02T09:00:00.000Z",
  completedAt: null,
  hasDraft: false,
  canClaim: false,
  canUnclaim: true,
  canComplete: true,
  canHandOver: true,
};

const me = (username: string, role: Me["role"]): Me => ({ id: `u-${username}`, username, displayName: username, role, groups: [] });

function apiError(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { baton: { code, message, fieldErrors: [] } } });
}

function memoryServer(starter: string) {
  const users = [
    { username: "dana", displayName: "Dana Desk" },
    { username: "sam", displayName: "Sam Sales" },
    { username: "sara", displayName: "Sara Sales" },
  ];
  const groups = [
    { key: "sales", name: "Sales" },
    { key: "shipping", name: "Shipping" },
  ];
  const calls: Parameters<HandOverClient["reassign"]>[0][] = [];
  const client: HandOverClient = {
    directory: async () => ({ users, groups }),
    reassign: async (input) => {
      calls.push(input);
      if ("user" in input.to) {
        const user = users.find((u) => u.username === (input.to as { user: string }).user);
        if (!user) throw apiError("INVALID_INPUT", `"${task.name}" cannot be handed to "${input.to.user}": there is no such user in Baton.`);
        if (user.username === starter) {
          throw apiError("FORBIDDEN", `"${task.name}" cannot be handed to ${user.displayName}: ${user.displayName} started this request, so the four-eyes rule lets someone else approve it.`);
        }
        return { ...task, assignee: user, canComplete: false, canUnclaim: false, canHandOver: false };
      }
      const group = groups.find((g) => g.key === (input.to as { group: string }).group)!;
      return { ...task, assignee: null, candidateGroup: group, canComplete: false, canUnclaim: false };
    },
  };
  return { client, calls };
}

function renderDialog(who: Me, client: HandOverClient) {
  const onClose = vi.fn();
  const onHandedOver = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <HandOverDialog task={task} me={who} client={client} onClose={onClose} onHandedOver={onHandedOver} />
    </QueryClientProvider>,
  );
  return { onClose, onHandedOver, dialog: screen.getByRole("dialog", { name: "Hand over “Approve the purchase”" }) };
}

const optionTexts = (select: HTMLElement) => within(select).getAllByRole("option").map((o) => o.textContent);

describe("HandOverDialog", () => {
  it("lets the assignee pick another person and add a note; the server's answer closes it", async () => {
    const server = memoryServer("sam");
    const { onHandedOver, dialog } = renderDialog(me("sara", "participant"), server.client);
    const picker = within(dialog).getByRole("combobox", { name: "Hand to" });
    await waitFor(() => expect(document.activeElement).toBe(picker));
    // People only (not the one who has it), no group queues for a participant.
    expect(optionTexts(picker)).toEqual(["Choose a person…", "Dana Desk (dana)", "Sam Sales (sam)"]);
    const submit = within(dialog).getByRole("button", { name: "Hand over" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    fireEvent.change(picker, { target: { value: "user:dana" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Note (optional)" }), { target: { value: "  Back on Monday  " } });
    fireEvent.click(submit);

    await waitFor(() => expect(onHandedOver).toHaveBeenCalledWith(expect.objectContaining({ assignee: { username: "dana", displayName: "Dana Desk" } })));
    expect(server.calls).toEqual([{ taskId: "t-1", to: { user: "dana" }, note: "Back on Monday" }]);
  });

  it("offers an admin the groups' queues too", async () => {
    const server = memoryServer("sam");
    const { onHandedOver, dialog } = renderDialog(me("admin", "admin"), server.client);
    const picker = within(dialog).getByRole("combobox", { name: "Hand to" });
    await waitFor(() => expect(optionTexts(picker)).toContain("Shipping queue"));
    expect(within(picker).getByRole("group", { name: "Group queues" })).toBeTruthy();

    fireEvent.change(picker, { target: { value: "group:shipping" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Hand over" }));
    await waitFor(() => expect(onHandedOver).toHaveBeenCalled());
    expect(server.calls).toEqual([{ taskId: "t-1", to: { group: "shipping" }, note: null }]);
  });

  it("shows the server's reason and stays open when the hand-over is refused (four eyes)", async () => {
    const server = memoryServer("sam");
    const { onHandedOver, onClose, dialog } = renderDialog(me("sara", "participant"), server.client);
    const picker = within(dialog).getByRole("combobox", { name: "Hand to" });
    await waitFor(() => expect(optionTexts(picker)).toContain("Sam Sales (sam)"));
    fireEvent.change(picker, { target: { value: "user:sam" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Hand over" }));

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      '"Approve the purchase" cannot be handed to Sam Sales: Sam Sales started this request, so the four-eyes rule lets someone else approve it.',
    );
    expect((within(dialog).getByRole("button", { name: "Hand over" }) as HTMLButtonElement).disabled).toBe(false);
    expect(onHandedOver).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("closes on Escape and on Cancel", async () => {
    const { onClose, dialog } = renderDialog(me("sara", "participant"), memoryServer("sam").client);
    fireEvent.keyDown(within(dialog).getByRole("combobox", { name: "Hand to" }), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
