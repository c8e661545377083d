#!/usr/bin/env node
// The two README commands, in plain Node so they work on a fresh machine with
// only Node 20 and apt:
//   npm start  -> install what is missing, build, and run `baton serve`
//   npm test   -> install what is missing (pnpm, Debian's chromium), then
//                 typecheck, unit + integration tests, build, Playwright e2e,
//                 and print one closing line "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { connect } from "node:net";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const PNPM_VERSION = "10.34.9";
const [mode, ...rest] = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
const works = (command, args) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
const step = (title) => console.log(`\n=== ${title}`);

function ensurePnpm() {
  if (works("pnpm", ["--version"])) return;
  step(`installing pnpm ${PNPM_VERSION} (npm i -g)`);
  if (run("npm", ["install", "-g", `pnpm@${PNPM_VERSION}`]) !== 0) {
    console.error(`Could not install pnpm globally; try: sudo npm install -g pnpm@${PNPM_VERSION}`);
    process.exit(1);
  }
}

function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function ensureChromium() {
  let path = chromiumPath();
  if (path) return path;
  step("installing Debian's chromium with apt (needed by the browser tests)");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) => run(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, { env: { DEBIAN_FRONTEND: "noninteractive" } });
  if (apt(["update", "-qq"]) !== 0 || apt(["install", "-y", "-qq", "chromium"]) !== 0 || !(path = chromiumPath())) {
    console.error("Could not install chromium with apt-get. Install it (apt-get install chromium) or set CHROMIUM_PATH.");
    process.exit(1);
  }
  return path;
}

function install() {
  step("pnpm install");
  if (run("pnpm", ["install", "--frozen-lockfile"]) !== 0) process.exit(1);
}

/** Says up front whether the PostgreSQL half of the integration tests will run. */
async function reportPostgres() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const reachable = await new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432), timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
  console.log(
    reachable
      ? `PostgreSQL answers at ${url.host}: integration tests run on embedded PGlite and on PostgreSQL.`
      : `PostgreSQL does not answer at ${url.host}: its integration tests are SKIPPED (each says why); PGlite tests run.`,
  );
}

/** Adds up the JSON reports of vitest (every package) and Playwright. */
function tally() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const reports = [];
  for (const dir of ["apps", "packages"]) {
    for (const name of readdirSync(join(root, dir))) reports.push(join(root, dir, name, "test-results", "vitest.json"));
  }
  for (const file of reports.filter(existsSync)) {
    const report = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  const e2e = join(root, "e2e", "test-results", "playwright.json");
  if (existsSync(e2e)) {
    const stats = JSON.parse(readFileSync(e2e, "utf8")).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  return totals;
}

if (mode === "start") {
  ensurePnpm();
  install();
  step("building the studio and the portal");
  if (run("pnpm", ["build"]) !== 0) process.exit(1);
  step("starting Baton");
  process.exit(run("pnpm", ["-s", "baton", "serve", ...rest]));
} else if (mode === "test") {
  ensurePnpm();
  const chromium = ensureChromium();
  install();
  for (const dir of ["apps", "packages"]) {
    for (const name of readdirSync(join(root, dir))) rmSync(join(root, dir, name, "test-results"), { recursive: true, force: true });
  }
  rmSync(join(root, "e2e", "test-results"), { recursive: true, force: true });
  const failures = [];
  step("typecheck");
  if (run("pnpm", ["typecheck"]) !== 0) failures.push("typecheck");
  // Built first: the server's tests serve the built studio and portal.
  step("build");
  const built = run("pnpm", ["build"]) === 0;
  if (!built) failures.push("build");
  step("unit and integration tests (vitest)");
  await reportPostgres();
  if (run("pnpm", ["turbo", "run", "test", "--concurrency=2", "--continue", "--", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]) !== 0) failures.push("vitest");
  if (built) {
    step(`end-to-end tests (Playwright with ${chromium})`);
    if (run("pnpm", ["e2e"], { env: { CHROMIUM_PATH: chromium } }) !== 0) failures.push("e2e");
  }
  const totals = tally();
  console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(failures.length || totals.failed ? 1 : 0);
} else {
  console.error("usage: node .ci/bootstrap.mjs start|test");
  process.exit(2);
}
