import { QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useParams } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "../components/Toasts.tsx";
import type { NotificationView } from "../lib/api-types.ts";
import { createQueryClient } from "../lib/query-client.ts";
import { NotificationBell } from "./NotificationBell.tsx";
import type { NotificationsClient } from "./notifications-client.ts";

/**
 * The bell against an in-memory notification store that keeps the API's
 * contract (API.md `notifications.*`: newest first, id cursors, "up to the
 * newest shown"); the router tests hold the server to the same contract.
 */
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function memoryNotifications(initial: NotificationView[]) {
  const rows = [...initial];
  const calls: string[] = [];
  const newestFirst = () => [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const client: NotificationsClient = {
    unreadCount: async () => ({ count: rows.filter((n) => !n.readAt).length }),
    list: async ({ limit = 20, cursor }) => {
      calls.push(`list ${cursor ?? "first"}`);
      const all = newestFirst();
      const from = cursor ? all.findIndex((n) => n.id === cursor) + 1 : 0;
      const items = all.slice(from, from + limit);
      return { items, nextCursor: from + limit < all.length ? items.at(-1)!.id : null };
    },
    markRead: async ({ id }) => {
      calls.push(`read ${id}`);
      const row = rows.find((n) => n.id === id)!;
      row.readAt ??= "2026-03-02T12:30:00.000Z";
      return { id, readAt: row.readAt };
    },
    markAllRead: async ({ upTo }) => {
      calls.push(`read all up to ${upTo ?? "-"}`);
      const all = newestFirst();
      const shown = upTo ? all.slice(all.findIndex((n) => n.id === upTo)) : all;
      const unread = shown.filter((n) => !n.readAt);
      for (const n of unread) n.readAt = "2026-03-02T12:30:00.000Z";
      return { marked: unread.length };
    },
  };
  return { client, calls, add: (n: NotificationView) => rows.push(n) };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const notice = (n: number, over: Partial<NotificationView> = {}): NotificationView => ({
  id: `n-${String(n).padStart(3, "0")}`,
  kind: "alert",
  subject: `Subject ${n}`,
  message: "",
  createdAt: minutesAgo(100 - n),
  readAt: null,
  link: null,
  ...over,
});

function TaskPage() {
  return <h1>Task page {useParams().taskId}</h1>;
}

function renderBell(client: NotificationsClient) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <MemoryRouter initialEntries={["/"]}>
          <NotificationBell client={client} />
          <button type="button">Elsewhere</button>
          <Routes>
            <Route path="/" element={<h1>Inbox page</h1>} />
            <Route path="/tasks/:taskId" element={<TaskPage />} />
            <Route path="/requests/:instanceId" element={<h1>Request page</h1>} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const bell = () => screen.getByRole("button", { name: /^Notifications/ });
const openPanel = async () => {
  fireEvent.click(bell());
  const panel = await screen.findByRole("dialog", { name: "Notifications" });
  await within(panel).findByRole("list");
  return panel;
};

describe("NotificationBell", () => {
  it("shows the unread count and opens a panel that takes focus, listing the newest first", async () => {
    const reminder = notice(2, { kind: "reminder", subject: "Call back today", link: { to: "task", id: "t-1", label: "Call back · Lead to customer #3" } });
    const store = memoryNotifications([
      notice(1, { subject: "Ship order A-17", message: "3 × Desk to Graz\nDock 2", readAt: minutesAgo(1) }),
      reminder,
      notice(3, { kind: "escalation", subject: "Order is overdue", link: { to: "request", id: "i-9", label: "Lead to customer #9" } }),
    ]);
    renderBell(store.client);
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications, 2 unread"));
    expect(bell().getAttribute("aria-expanded")).toBe("false");
    expect(bell().textContent).toContain("2");

    const panel = await openPanel();
    expect(bell().getAttribute("aria-expanded")).toBe("true");
    expect(bell().getAttribute("aria-controls")).toBe(panel.id);
    expect(document.activeElement).toBe(panel);
    const items = within(panel).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".notification-subject")!.textContent)).toEqual(["Unread: Order is overdue", "Unread: Call back today", "Ship order A-17"]);
    expect(items[2]!.textContent).toContain("3 × Desk to Graz");
    expect(within(items[0]!).getByText("Escalation").isConnected).toBe(true);
    expect(within(items[1]!).getByText("1 hour ago").getAttribute("datetime")).toBe(reminder.createdAt);
    expect(within(items[1]!).getByRole("link", { name: /Open the task/ }).getAttribute("href")).toBe("/tasks/t-1");
    expect(within(items[0]!).getByRole("link", { name: /Open the request.*Lead to customer #9/ }).getAttribute("href")).toBe("/requests/i-9");
    // Read ones offer nothing more to do.
    expect(within(items[2]!).queryByRole("button")).toBeNull();
  });

  it("marks one read from its button, and by following its link, which also closes the panel", async () => {
    const store = memoryNotifications([notice(1, { subject: "Plain alert" }), notice(2, { subject: "Call back today", link: { to: "task", id: "t-7", label: "Call back" } })]);
    renderBell(store.client);
    const panel = await openPanel();
    fireEvent.click(within(panel).getByRole("button", { name: "Mark “Plain alert” as read" }));
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications, 1 unread"));
    expect(within(panel).queryByRole("button", { name: "Mark “Plain alert” as read" })).toBeNull();
    expect(within(panel).getByText("Plain alert").closest("li")!.classList.contains("notification--unread")).toBe(false);

    fireEvent.click(within(panel).getByRole("link", { name: /Open the task/ }));
    expect((await screen.findByRole("heading", { name: "Task page t-7" })).isConnected).toBe(true);
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications"));
    expect(store.calls).toEqual(["list first", "read n-001", "read n-002"]);
  });

  it("marks all read up to the newest shown, leaving one that arrived meanwhile unread", async () => {
    const store = memoryNotifications([notice(1), notice(2), notice(3)]);
    renderBell(store.client);
    const panel = await openPanel();
    store.add(notice(4, { subject: "Arrived after opening" }));
    fireEvent.click(within(panel).getByRole("button", { name: "Mark all as read" }));
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications, 1 unread"));
    expect(store.calls).toContain("read all up to n-003");
    await waitFor(() => expect(within(panel).getByText("Arrived after opening").closest("li")!.classList.contains("notification--unread")).toBe(true));
    expect(within(panel).getAllByRole("listitem").filter((li) => li.classList.contains("notification--unread"))).toHaveLength(1);
  });

  it("closes on Escape with focus back on the bell, and on a click or focus elsewhere", async () => {
    renderBell(memoryNotifications([notice(1)]).client);
    await openPanel();
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(bell());
    expect(bell().getAttribute("aria-expanded")).toBe("false");

    await openPanel();
    fireEvent.pointerDown(screen.getByRole("heading", { name: "Inbox page" }));
    expect(screen.queryByRole("dialog")).toBeNull();

    await openPanel();
    act(() => screen.getByRole("button", { name: "Elsewhere" }).focus());
    expect(screen.queryByRole("dialog")).toBeNull();

    // The bell toggles the panel too.
    await openPanel();
    fireEvent.click(bell());
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks for the unread count again every 30 seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const store = memoryNotifications([notice(1)]);
    renderBell(store.client);
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications, 1 unread"));
    store.add(notice(2));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    await waitFor(() => expect(bell().getAttribute("aria-label")).toBe("Notifications, 2 unread"));
  });

  it("says so when there is nothing, with nothing to mark", async () => {
    renderBell(memoryNotifications([]).client);
    fireEvent.click(bell());
    const panel = await screen.findByRole("dialog", { name: "Notifications" });
    expect((await within(panel).findByText("No notifications yet.")).isConnected).toBe(true);
    expect((within(panel).getByRole("button", { name: "Mark all as read" }) as HTMLButtonElement).disabled).toBe(true);
    expect(bell().getAttribute("aria-label")).toBe("Notifications");
  });

  it("loads older notifications a page at a time", async () => {
    const store = memoryNotifications(Array.from({ length: 25 }, (_, i) => notice(i + 1, { readAt: minutesAgo(0) })));
    renderBell(store.client);
    const panel = await openPanel();
    expect(within(panel).getAllByRole("listitem")).toHaveLength(20);
    fireEvent.click(within(panel).getByRole("button", { name: "Show older" }));
    await waitFor(() => expect(within(panel).getAllByRole("listitem")).toHaveLength(25));
    expect(within(panel).getAllByRole("listitem").at(-1)!.textContent).toContain("Subject 1");
    expect(within(panel).queryByRole("button", { name: "Show older" })).toBeNull();
    expect(store.calls).toEqual(["list first", "list n-006"]);
  });
});
