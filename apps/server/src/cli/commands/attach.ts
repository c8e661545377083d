import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { uploadAttachment } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command } from "../command.ts";
import { UsageError } from "../output.ts";
import { userPath } from "../../env.ts";

/** Types by file ending, for files given on the command line (the browser names its own). */
const TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const attachCommand: Command = {
  name: "attach",
  usage: "attach <file> (--task <taskId> | --process <processKey>) --field <key> --as <user> [--type <mime>]",
  summary: "Upload a file for an attachment field; put the printed details in --data of complete/start.",
  valueOptions: ["as", "task", "process", "field", "type"],
  run: async (ctx) => {
    const path = requirePositional(ctx, 0, "the file", attachCommand.usage);
    const task = stringOption(ctx, "task");
    const process = stringOption(ctx, "process");
    const field = stringOption(ctx, "field");
    if ((task === undefined) === (process === undefined)) throw new UsageError(`Say what the file is for: --task or --process, one of them. Usage: baton ${attachCommand.usage}`);
    if (!field) throw new UsageError(`Name the attachment field with --field. Usage: baton ${attachCommand.usage}`);
    const actor = await actingUser(ctx, attachCommand.usage);
    const content = await readFile(userPath(path)).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`Cannot read "${path}": ${error.code === "ENOENT" ? "no such file" : error.message}.`);
    });
    const file = await uploadAttachment(ctx.db, actor, {
      target: task !== undefined ? { taskId: task } : { processKey: process! },
      field,
      name: basename(path),
      contentType: stringOption(ctx, "type") ?? TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
      content,
    });
    ctx.out.result(file, () => `Uploaded ${file.name} (${file.size} bytes). In the form data: ${JSON.stringify([file])}`);
  },
};
