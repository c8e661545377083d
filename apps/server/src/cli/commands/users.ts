import { listDirectory } from "@baton/runtime";
import type { Command } from "../command.ts";
import { table } from "../output.ts";

export const usersCommand: Command = {
  name: "users",
  usage: "users",
  summary: "List users with their role and groups.",
  run: async (ctx) => {
    const directory = await listDirectory(ctx.db);
    ctx.out.result(directory.users, () =>
      table(["user", "name", "role", "groups", "status"], directory.users.map((u) => [u.username, u.displayName, u.role, u.groups.join(", "), u.disabled ? "disabled" : "active"])),
    );
  },
};
