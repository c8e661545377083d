/**
 * Studio benchmark: a 1,000-step process in the designer.
 *
 *   pnpm --filter @baton/studio build     # the server serves the built studio
 *   pnpm --filter @baton/studio bench
 *
 * What it does: starts `baton serve` on a fresh embedded database in a
 * temporary folder (or uses BENCH_URL, e.g. BENCH_URL=http://127.0.0.1:3000
 * for a server you started yourself with the analyst `ana` / `ana-demo`),
 * saves a generated 1,000-step draft through the API (`studio.saveDraft`),
 * opens it in Chromium and prints:
 * - navigation → first steps drawn, and → first interactive canvas (a click
 *   on a step selected it and the properties panel shows it);
 * - frame times (p50 / p95 / max, from requestAnimationFrame) while one
 *   step is dragged across the canvas, and how long the drop took to land
 *   in the model.
 * Figures only: no thresholds. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
 * Playwright is the e2e package's (this package does not depend on it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const STEPS = Number(process.env.BENCH_STEPS ?? 1000);
const KEY = "bench-large-process";

const { chromium } = createRequire(join(repo, "e2e", "package.json"))("@playwright/test") as typeof import("@playwright/test");

async function main() {
  if (!existsSync(join(repo, "apps", "studio", "dist", "index.html"))) {
    throw new Error("The studio is not built: run `pnpm --filter @baton/studio build` first.");
  }
  const server = process.env.BENCH_URL ? null : await startServer();
  const base = process.env.BENCH_URL ?? server!.url;
  let browser: Browser | null = null;
  try {
    const cookie = await signIn(base);
    await saveProcess(base, cookie, generateProcess(STEPS));
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.context().addCookies([{ name: "baton_session", value: cookie, url: base }]);
    await measure(page, base);
  } finally {
    await browser?.close();
    server?.stop();
  }
}

async function measure(page: Page, base: string) {
  // Warm the HTTP cache and the code: the first visit pays for downloads, not the canvas.
  await page.goto(`${base}/studio/`);
  await page.getByRole("button", { name: "Sign out" }).waitFor();

  const t0 = Date.now();
  await page.goto(`${base}/studio/processes/${KEY}`);
  const firstNode = page.locator(".react-flow__node").first();
  await firstNode.waitFor();
  const drawn = Date.now() - t0;
  const first = page.locator(".react-flow__node-userTask").first();
  const title = (await first.locator(".step-task-title").textContent())!;
  await first.click();
  await page.getByRole("complementary", { name: "Properties" }).getByRole("heading", { name: title }).waitFor();
  const interactive = Date.now() - t0;
  const rendered = await page.locator(".react-flow__node").count();

  // The step nearest the middle of the canvas (a large process opens on its beginning).
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  const id = (await page.evaluate(`((x, y) => {
    for (let d = 0; d < 300; d += 20) {
      for (const [dx, dy] of [[d, 0], [-d, 0], [0, d], [0, -d], [d, d], [-d, -d]]) {
        const el = document.elementFromPoint(x + dx, y + dy)?.closest(".react-flow__node-userTask");
        if (el) return el.getAttribute("data-id");
      }
    }
    return null;
  })(${pane.x + pane.width / 2}, ${pane.y + pane.height / 2})`)) as string | null;
  if (!id) throw new Error("No step in the middle of the canvas to drag.");
  const target = page.locator(`.react-flow__node[data-id="${id}"]`);
  await target.click();

  // Drag one step across the canvas, recording every frame.
  const box = (await target.boundingBox())!;
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.recording_ = true;
    function tick(t) {
      window.frames_.push(t);
      if (window.recording_) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(x + i * 5, y + Math.round(Math.sin(i / 6) * 40));
  const dropAt = Date.now();
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector(".edit-toolbar [aria-label='Undo']")?.closest("span")?.title.includes("move"));
  const dropped = Date.now() - dropAt;
  const frames = (await page.evaluate(`(() => {
    window.recording_ = false;
    return window.frames_.slice(1).map((t, i) => t - window.frames_[i]);
  })()`)) as number[];

  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`Studio designer, ${STEPS} steps (${rendered} drawn at first: only the visible ones are rendered)`);
  console.log(`  navigation → first steps drawn:     ${drawn} ms`);
  console.log(`  navigation → interactive canvas:    ${interactive} ms (a click selected a step)`);
  console.log(`  dragging one step, ${frames.length} frames:  p50 ${ms(pct(50))}, p95 ${ms(pct(95))}, max ${ms(sorted.at(-1) ?? NaN)}`);
  console.log(`  drop → move recorded (undoable):    ${dropped} ms`);
}

/** A chain start → task1 … taskN → end, snaking over rows of 20, every 50th task a decision looping back. */
export function generateProcess(total: number) {
  const columns = 20;
  const at = (i: number) => {
    const row = Math.floor(i / columns);
    const col = row % 2 === 0 ? i % columns : columns - 1 - (i % columns);
    return { x: col * 280, y: row * 160 };
  };
  const steps: Record<string, unknown>[] = [{ id: "start", kind: "start", name: "Start", position: at(0), starters: [] }];
  const connections: Record<string, unknown>[] = [];
  let previous = "start";
  for (let i = 1; i < total - 1; i++) {
    const decision = i % 50 === 0;
    const id = decision ? `decision${i}` : `task${i}`;
    const p = at(i);
    steps.push(
      decision
        ? { id, kind: "exclusiveGateway", name: `Check ${i}`, position: { x: p.x + 75, y: p.y + 15 } }
        : {
            id,
            kind: "userTask",
            name: `Task ${i}`,
            position: p,
            assignment: { type: "group", group: "service-desk" },
            form: { schemaVersion: 1, blocks: [{ id: "f1", type: "text", key: `note${i}`, label: "Note", required: false }] },
          },
    );
    // A decision's way on is its default; its other way loops back.
    connections.push({ id: `c${i}`, source: previous, target: id, ...(previous.startsWith("decision") ? { isDefault: true } : {}) });
    if (decision) connections.push({ id: `back${i}`, source: id, target: `task${i - 1}`, label: "Again", condition: `note${i - 1} = "again"` });
    previous = id;
  }
  steps.push({ id: "end", kind: "end", name: "End", position: at(total - 1) });
  connections.push({ id: "c-end", source: previous, target: "end" });
  return { schemaVersion: 1, key: KEY, name: `Benchmark: ${total} steps`, timeZone: "UTC", steps, connections, usedBlocks: [] };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "ana", password: "ana-demo" }),
  });
  if (!res.ok) throw new Error(`Sign-in as ana failed (${res.status}): ${await res.text()}`);
  const cookie = /baton_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("Sign-in answered without a session cookie.");
  return cookie;
}

async function saveProcess(base: string, cookie: string, definition: ReturnType<typeof generateProcess>) {
  const call = (path: string, input: unknown) =>
    fetch(`${base}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `baton_session=${cookie}` },
      body: JSON.stringify(input),
    });
  const draft = await fetch(`${base}/trpc/studio.draft?input=${encodeURIComponent(JSON.stringify({ key: KEY }))}`, {
    headers: { cookie: `baton_session=${cookie}` },
  });
  const expectedVersion = draft.ok ? ((await draft.json()) as { result: { data: { version: number } } }).result.data.version : null;
  const res = await call("studio.saveDraft", { key: KEY, expectedVersion, definition });
  if (!res.ok) throw new Error(`Saving the ${STEPS}-step draft failed (${res.status}): ${(await res.text()).slice(0, 500)}`);
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), "baton-bench-"));
  const port = 3700 + Math.floor(Math.random() * 200);
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repo, "node_modules", "tsx", "dist", "cli.mjs"), join(repo, "apps", "server", "src", "cli", "main.ts"), "serve", "--port", String(port)],
    { env: { ...process.env, BATON_DATA_DIR: dataDir, BATON_LOG_LEVEL: "warn", DATABASE_URL: "" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}) before it was ready.`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error("The server did not answer /healthz within 60 s.");
}

function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
