// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { People } from "../admin-api.ts";
import { adminApiWith, adminMe, renderAdmin, serverError, user } from "../test-admin.tsx";
import { PeoplePage } from "./PeoplePage.tsx";

afterEach(cleanup);

const people = (): People => ({
  users: [
    user({ username: "admin", displayName: "Ada Admin", role: "admin", groups: ["admins"] }),
    user({ username: "dana", displayName: "Dana Desk", email: "dana@example.com", groups: ["service-desk"] }),
    user({ username: "olaf", displayName: "Olaf Old", disabled: true }),
  ],
  groups: [
    { key: "admins", name: "Admins", members: ["admin"] },
    { key: "service-desk", name: "Service desk", members: ["dana"] },
  ],
});

describe("PeoplePage", () => {
  it("lists users with role, groups and status, and groups with their members", async () => {
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people() }));
    const rows = await screen.findAllByRole("row");
    const dana = rows.find((r) => r.textContent?.includes("Dana Desk"))!;
    expect(within(dana).getByText("dana@example.com", { exact: false })).toBeTruthy();
    expect(within(dana).getByRole("list", { name: "Groups of Dana Desk" }).textContent).toBe("Service desk");
    expect(within(dana).getByText("Active")).toBeTruthy();
    const olaf = rows.find((r) => r.textContent?.includes("Olaf Old"))!;
    expect(within(olaf).getByText("Disabled")).toBeTruthy();
    expect(within(olaf).getByRole("button", { name: "Enable Olaf Old" })).toBeTruthy();
    // Nobody disables themselves.
    expect((screen.getByRole("button", { name: "Disable Ada Admin" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("list", { name: "Members of Service desk" }).textContent).toContain("Dana Desk");
  });

  it("creates a user with a generated password and shows it once", async () => {
    const createUser = vi.fn(async () => ({ username: "nina", password: "abcd-efgh-jkmn-pqrs" }));
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), createUser }));
    fireEvent.click(await screen.findByRole("button", { name: "New user" }));
    const dialog = screen.getByRole("dialog", { name: "New user" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(within(dialog).getByText("enter the person's name")).toBeTruthy();
    expect(within(dialog).getByText("enter a user name")).toBeTruthy();
    expect(createUser).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText("Name"), { target: { value: "Nina New" } });
    fireEvent.change(within(dialog).getByLabelText("User name"), { target: { value: "nina" } });
    fireEvent.change(within(dialog).getByLabelText("Role"), { target: { value: "analyst" } });
    fireEvent.click(within(dialog).getByLabelText("Service desk"));
    fireEvent.click(within(dialog).getByRole("button", { name: "Create user" }));
    const shown = await screen.findByRole("dialog", { name: "nina can sign in now" });
    expect(within(shown).getByLabelText("Password").textContent).toBe("abcd-efgh-jkmn-pqrs");
    expect(createUser).toHaveBeenCalledWith({ username: "nina", displayName: "Nina New", email: null, role: "analyst", groups: ["service-desk"] });
    fireEvent.click(within(shown).getByRole("button", { name: "Done" }));
    expect(screen.queryByText("abcd-efgh-jkmn-pqrs")).toBeNull();
  });

  it("shows the server's refusal next to the field it names", async () => {
    const createUser = vi.fn(async () => {
      throw serverError("CONFLICT", 'There is already a user "dana".', [{ path: "username", message: "already taken" }]);
    });
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), createUser }));
    fireEvent.click(await screen.findByRole("button", { name: "New user" }));
    const dialog = screen.getByRole("dialog", { name: "New user" });
    fireEvent.change(within(dialog).getByLabelText("Name"), { target: { value: "Dana Two" } });
    fireEvent.change(within(dialog).getByLabelText("User name"), { target: { value: "dana" } });
    fireEvent.click(within(dialog).getByLabelText("Set a password myself"));
    fireEvent.change(within(dialog).getByLabelText("New password"), { target: { value: "short" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(within(dialog).getByText("at least 10 characters")).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText("New password"), { target: { value: "long-enough-1" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Create user" }));
    await waitFor(() => expect(within(dialog).getByText("already taken")).toBeTruthy());
    expect(within(dialog).getByLabelText("User name").getAttribute("aria-invalid")).toBe("true");
    expect(createUser).toHaveBeenCalledWith(expect.objectContaining({ username: "dana", password: "long-enough-1" }));
  });

  it("says what disabling does, and shows why the server refused", async () => {
    const setUserDisabled = vi.fn(async () => {
      throw serverError("CONFLICT", '"dana" is the last active admin and cannot be disabled.');
    });
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), setUserDisabled }));
    fireEvent.click(await screen.findByRole("button", { name: "Disable Dana Desk" }));
    const dialog = screen.getByRole("dialog", { name: "Disable Dana Desk?" });
    expect(dialog.textContent).toMatch(/signed out at once/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Disable user" }));
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(/last active admin/);
    expect(setUserDisabled).toHaveBeenCalledWith("dana", true);
  });

  it("adds and removes group members", async () => {
    const setMembership = vi.fn(async () => ({ ok: true as const }));
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: async () => people(), setMembership }));
    fireEvent.click(await screen.findByRole("button", { name: "Remove Dana Desk from Service desk" }));
    await waitFor(() => expect(setMembership).toHaveBeenCalledWith("dana", "service-desk", false));
    fireEvent.change(screen.getByLabelText("Add a member to Admins"), { target: { value: "dana" } });
    fireEvent.click(within(screen.getByRole("listitem", { name: "Admins" })).getByRole("button", { name: "Add" }));
    await waitFor(() => expect(setMembership).toHaveBeenCalledWith("dana", "admins", true));
  });

  it("offers to try again when the list cannot be loaded", async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new TypeError("Failed to fetch");
      return people();
    });
    renderAdmin(<PeoplePage me={adminMe} />, adminApiWith({ people: load }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/could not reach the Baton server/i);
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect((await screen.findAllByText("Dana Desk")).length).toBeGreaterThan(0);
  });
});
