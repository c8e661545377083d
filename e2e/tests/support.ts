import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Screenshots land in e2e/test-results/screenshots, one per named moment. */
const shots = join(import.meta.dirname, "..", "test-results", "screenshots");
mkdirSync(shots, { recursive: true });

export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

export async function signIn(page: Page, app: "portal" | "studio", username: string): Promise<void> {
  await page.goto(`/${app}/`);
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(`${username}-demo`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** "New process" in the studio's list: a draft holding only a start and an end, opened in the designer. */
export async function createProcess(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "New process" }).click();
  const dialog = page.getByRole("dialog", { name: "New process" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("User name")).toBeVisible();
}

/** Reads the API as the signed-in page does (same cookie). */
export async function apiQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).result.data as T;
}

/** Calls an API mutation as the signed-in page does (same cookie). */
export async function apiMutation(page: Page, path: string, input: unknown): Promise<void> {
  const res = await page.request.post(`/trpc/${path}`, { data: input });
  expect(res.ok(), await res.text()).toBe(true);
}
