import { seedDemo } from "@baton/runtime";
import type { Command } from "../command.ts";

export const seedCommand: Command = {
  name: "seed",
  usage: "seed",
  summary: "Add the demo users, groups, templates and process blocks that are missing (safe to repeat).",
  run: async (ctx) => {
    const report = await seedDemo(ctx.db, ctx.env.templatesDir);
    ctx.out.result(report, () =>
      [
        `Users created: ${report.usersCreated.join(", ") || "none (all there)"}`,
        ...report.published.map((p) => `${p.processKey}: version ${p.version} ${p.created ? "published" : "already published"}`),
        `Blocks added to the library: ${report.blocksCreated.join(", ") || "none (all there)"}`,
      ].join("\n"),
    );
  },
};
