import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/**
 * With BENCH_PROFILE=<folder>: a V8 CPU profile of one timed phase, saved
 * there (open it in Chrome's DevTools, Performance tab) and summed up as
 * the functions taking the most time themselves, by package.
 */
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export async function startProfile(): Promise<(name: string) => Promise<string[]>> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return async () => [];
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async (name) => {
    const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
    session.disconnect();
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return [`CPU profile: ${file}`, ...topSelfTime(profile, 15)];
  };
}

function topSelfTime(profile: Profile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const where = frame.url.includes("node_modules/") ? frame.url.split("node_modules/").pop()!.split("/")[0]! : frame.url.split("/").slice(-2).join("/");
    const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, t]) => `  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
