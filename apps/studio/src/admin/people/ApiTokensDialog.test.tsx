// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiToken, NewApiToken, People } from "../admin-api.ts";
import { adminApiWith, adminMe, renderAdmin, serverError, user } from "../test-admin.tsx";
import { PeoplePage } from "./PeoplePage.tsx";

afterEach(cleanup);

const people = (): People => ({
  users: [user({ username: "admin", displayName: "Ada Admin", role: "admin" }), user({ username: "shop", displayName: "Web Shop" })],
  groups: [{ key: "message-senders", name: "Message senders", members: [] }],
});

const token = (over: Partial<ApiToken> & { name: string }): ApiToken => ({
  id: `id-${over.name}`,
  username: "shop",
  prefix: "baton_AbC123",
  createdAt: "2026-12-01T09:00:00.000Z",
  createdBy: "admin",
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  status: "active",
  ...over,
});

/** The token calls answered from a list kept here, as the server would. */
function tokenServer(initial: ApiToken[] = []) {
  const tokens = [...initial];
  const apiTokens = vi.fn(async (username: string) => tokens.filter((t) => t.username === username));
  const createApiToken = vi.fn(async (input: NewApiToken) => {
    const created = token({ name: input.name, username: input.username, prefix: "baton_Zz9Yy8", expiresAt: input.expiresInDays ? "2027-01-01T09:00:00.000Z" : null });
    tokens.unshift(created);
    return { token: created, secret: "baton_Zz9Yy8-the-rest-of-the-secret" };
  });
  const revokeApiToken = vi.fn(async (id: string) => {
    const found = tokens.find((t) => t.id === id)!;
    Object.assign(found, { status: "revoked", revokedAt: "2026-12-02T09:00:00.000Z" });
    return found;
  });
  return { apiTokens, createApiToken, revokeApiToken };
}

async function openTokens() {
  fireEvent.click(await screen.findByRole("button", { name: "API tokens of Web Shop" }));
  return screen.findByRole("dialog", { name: "API tokens of Web Shop" });
}

describe("API tokens in the people page", () => {
  it("says there are none yet and how a token is used, then creates one and shows its secret once", async () => {
    const server = tokenServer();
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), ...server }));
    const list = await openTokens();
    expect(await within(list).findByText("No API tokens yet")).toBeTruthy();
    expect(list.textContent).toMatch(/add Web Shop to the group “Message senders”/);

    fireEvent.click(within(list).getByRole("button", { name: "New token" }));
    const form = screen.getByRole("dialog", { name: "New API token for Web Shop" });
    fireEvent.change(within(form).getByLabelText("Expires after (days)"), { target: { value: "1.5" } });
    fireEvent.click(within(form).getByRole("button", { name: "Create token" }));
    expect(within(form).getByText("enter a name, e.g. the system that will use it")).toBeTruthy();
    expect(within(form).getByText("a whole number of days from 1 to 3650, or empty")).toBeTruthy();
    expect(server.createApiToken).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: " Payment provider " } });
    fireEvent.change(within(form).getByLabelText("Expires after (days)"), { target: { value: "30" } });
    fireEvent.click(within(form).getByRole("button", { name: "Create token" }));
    const once = await screen.findByRole("dialog", { name: 'Token "Payment provider" created' });
    expect(server.createApiToken).toHaveBeenCalledWith({ username: "shop", name: "Payment provider", expiresInDays: 30 });
    expect(within(once).getByLabelText("API token").textContent).toBe("baton_Zz9Yy8-the-rest-of-the-secret");
    expect(once.textContent).toMatch(/you will not see it again/);
    const writeText = vi.fn(async () => {});
    Object.assign(navigator, { clipboard: { writeText } });
    fireEvent.click(within(once).getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("baton_Zz9Yy8-the-rest-of-the-secret"));
    expect(await within(once).findByRole("button", { name: "Copied" })).toBeTruthy();

    fireEvent.click(within(once).getByRole("button", { name: "Done" }));
    const back = await screen.findByRole("dialog", { name: "API tokens of Web Shop" });
    const row = (await within(back).findAllByRole("row")).find((r) => r.textContent?.includes("Payment provider"))!;
    expect(row.textContent).toContain("baton_Zz9Yy8…");
    expect(row.textContent).toContain("Never");
    expect(within(row).getByText("Active")).toBeTruthy();
    expect(screen.queryByText("baton_Zz9Yy8-the-rest-of-the-secret")).toBeNull();
  });

  it("lists tokens with their state and revokes one after asking", async () => {
    const server = tokenServer([
      token({ name: "Old shop", status: "expired", expiresAt: "2026-11-01T09:00:00.000Z" }),
      token({ name: "Payments", lastUsedAt: "2026-12-01T10:00:00.000Z" }),
      token({ name: "Gone", status: "revoked", revokedAt: "2026-11-20T09:00:00.000Z" }),
    ]);
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), ...server }));
    const list = await openTokens();
    const table = await within(list).findByRole("table", { name: "API tokens of Web Shop" });
    const rowOf = (name: string) => within(table).getAllByRole("row").find((r) => r.textContent?.includes(name))!;
    expect(within(rowOf("Old shop")).getByText("Expired")).toBeTruthy();
    expect(within(rowOf("Gone")).getByText("Revoked")).toBeTruthy();
    expect(within(rowOf("Gone")).queryByRole("button")).toBeNull();

    fireEvent.click(within(rowOf("Payments")).getByRole("button", { name: "Revoke the token Payments" }));
    const confirm = screen.getByRole("dialog", { name: 'Revoke the token "Payments"?' });
    expect(confirm.textContent).toMatch(/refused from now on/);
    fireEvent.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(server.revokeApiToken).not.toHaveBeenCalled();

    fireEvent.click(within(await screen.findByRole("table", { name: "API tokens of Web Shop" })).getAllByRole("button", { name: "Revoke the token Payments" })[0]!);
    fireEvent.click(within(screen.getByRole("dialog", { name: 'Revoke the token "Payments"?' })).getByRole("button", { name: "Revoke token" }));
    await waitFor(() => expect(server.revokeApiToken).toHaveBeenCalledWith("id-Payments"));
    const after = await screen.findByRole("table", { name: "API tokens of Web Shop" });
    await waitFor(() => expect(within(within(after).getAllByRole("row").find((r) => r.textContent?.includes("Payments"))!).getByText("Revoked")).toBeTruthy());
  });

  it("shows the server's refusal next to the field, and a failed load with a way to try again", async () => {
    const createApiToken = vi.fn(async () => {
      throw serverError("INVALID_INPUT", "The token's name must have at most 100 characters.", [{ path: "name", message: "at most 100 characters" }]);
    });
    let fail = true;
    const apiTokens = vi.fn(async () => {
      if (fail) throw new TypeError("Failed to fetch");
      return [];
    });
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), apiTokens, createApiToken }));
    const list = await openTokens();
    expect((await within(list).findByRole("alert")).textContent).toMatch(/could not reach the Baton server/i);
    fail = false;
    fireEvent.click(within(list).getByRole("button", { name: "Try again" }));
    expect(await within(list).findByText("No API tokens yet")).toBeTruthy();

    fireEvent.click(within(list).getByRole("button", { name: "New token" }));
    const form = screen.getByRole("dialog", { name: "New API token for Web Shop" });
    fireEvent.change(within(form).getByLabelText("Name"), { target: { value: "Shop" } });
    fireEvent.click(within(form).getByRole("button", { name: "Create token" }));
    expect(await within(form).findByText("at most 100 characters")).toBeTruthy();
    expect(within(form).getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
  });
});
