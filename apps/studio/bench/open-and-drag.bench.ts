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
 * - navigation → first steps drawn, and → interactive (drawn, and no task
 *   of 50 ms or more on the main thread since: Lighthouse's definition,
 *   with a 1 s quiet window), each the median of BENCH_RUNS (5) openings,
 *   timed inside the page; then how long a click on a step takes to show
 *   it in the properties panel;
 * - frame times (p50 / p95 / max, from requestAnimationFrame) while one
 *   step is dragged across the canvas, and how long the drop took to land
 *   in the model.
 * Figures only: no thresholds. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
 * Playwright is the e2e package's (this package does not depend on it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const STEPS = Number(process.env.BENCH_STEPS ?? 1000);
const OPEN_RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
  // Times are taken inside the page, from the start of the navigation, so
  // Playwright's polling adds nothing to them.
  await page.addInitScript(`(() => {
    window.firstDrawn_ = null;
    window.clickedAt_ = null;
    addEventListener("pointerdown", () => { window.clickedAt_ ??= performance.now(); }, true);
    window.longTaskEnd_ = 0;
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) window.longTaskEnd_ = Math.max(window.longTaskEnd_, t.startTime + t.duration);
    }).observe({ type: "longtask", buffered: true });
    function watch() {
      if (document.querySelector(".react-flow__node")) window.firstDrawn_ = performance.now();
      else requestAnimationFrame(watch);
    }
    requestAnimationFrame(watch);
  })()`);

  const opens: { drawn: number; interactive: number; response: number }[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const profile = run === 0 ? await startProfile(page) : null;
    await page.goto(`${base}/studio/processes/${KEY}`);
    await page.waitForFunction("window.firstDrawn_ !== null");
    // Interactive as in Lighthouse's time to interactive: the steps are drawn and no
    // task has held the main thread for 50 ms or more since (1 s of quiet).
    await page.waitForFunction("performance.now() - Math.max(window.firstDrawn_, window.longTaskEnd_) > 1000", undefined, { polling: 100 });
    const quietFrom = (await page.evaluate("Math.max(window.firstDrawn_, window.longTaskEnd_)")) as number;
    const first = page.locator(".react-flow__node-userTask").first();
    const title = (await first.locator(".step-task-title").textContent())!;
    // Noted in the page on the first frame painted after the panel shows the step.
    await page.evaluate(`((title) => {
      window.shownAt_ = null;
      const shown = () => [...document.querySelectorAll("aside[aria-label='Properties'] h2")].some((h) => h.textContent === title);
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => { window.shownAt_ = performance.now(); });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    })(${JSON.stringify(title)})`);
    await first.click();
    await page.getByRole("complementary", { name: "Properties" }).getByRole("heading", { name: title }).waitFor();
    await page.waitForFunction("window.shownAt_ !== null");
    const shownAt = (await page.evaluate("window.shownAt_")) as number;
    const [drawn, clicked] = (await page.evaluate("[window.firstDrawn_, window.clickedAt_]")) as [number, number];
    opens.push({ drawn, interactive: quietFrom, response: shownAt - clicked });
    await profile?.save("open");
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const drawn = Math.round(median(opens.map((o) => o.drawn)));
  const interactive = Math.round(median(opens.map((o) => o.interactive)));
  const response = Math.round(median(opens.map((o) => o.response)));
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
  const dragProfile = await startProfile(page);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(x + i * 5, y + Math.round(Math.sin(i / 6) * 40));
  const dropAt = Date.now();
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector(".edit-toolbar [aria-label='Undo']")?.closest("span")?.title.includes("move"));
  const dropped = Date.now() - dropAt;
  await dragProfile.save("drag");
  const frames = (await page.evaluate(`(() => {
    window.recording_ = false;
    return window.frames_.slice(1).map((t, i) => t - window.frames_[i]);
  })()`)) as number[];

  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`Studio designer, ${STEPS} steps (${rendered} drawn at first: only the visible ones are rendered)`);
  console.log(`  navigation → first steps drawn:     ${drawn} ms (median of ${OPEN_RUNS} openings)`);
  console.log(`  navigation → interactive canvas:    ${interactive} ms (drawn, and no long task since; median)`);
  console.log(`  then click on a step → shown in its properties: ${response} ms (median)`);
  console.log(`  dragging one step, ${frames.length} frames:  p50 ${ms(pct(50))}, p95 ${ms(pct(95))}, max ${ms(sorted.at(-1) ?? NaN)}; ${frames.filter((f) => f > 25).length} frames missed the 60 Hz refresh`);
  console.log(`  drop → move recorded (undoable):    ${dropped} ms`);
}

/**
 * With BENCH_PROFILE=<folder>, a Chromium CPU profile of the opening and of
 * the drag is written there (open.cpuprofile, drag.cpuprofile), for
 * Chromium's DevTools "Performance" panel.
 */
async function startProfile(page: Page): Promise<{ save: (name: string) => Promise<void> }> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return { save: async () => {} };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return {
    save: async (name) => {
      const { profile } = await cdp.send("Profiler.stop");
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    },
  };
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
