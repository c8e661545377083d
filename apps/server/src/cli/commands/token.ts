import { createApiToken, listApiTokens, revokeApiToken } from "@baton/runtime";
import { actingUser, requirePositional, stringOption, type Command, type CommandContext } from "../command.ts";
import { table, UsageError } from "../output.ts";

/**
 * `baton token create <username> --name <n> [--expires-days N]` makes a
 * personal API token for an outside system and prints its secret, once;
 * `baton token list [<username>]` and `baton token revoke <id>` look after
 * them. As an admin unless --as names someone (who may manage only their own).
 */
const usage = "token create <username> --name <name> [--expires-days <n>] | token list [<username>] | token revoke <id> [--as <user>]";

export const tokenCommand: Command = {
  name: "token",
  usage,
  summary: "Personal API tokens for outside systems (Authorization: Bearer): create (secret shown once), list, revoke.",
  valueOptions: ["name", "expires-days", "as"],
  run: async (ctx) => {
    const action = requirePositional(ctx, 0, "create, list or revoke", usage);
    if (action === "create") return create(ctx);
    if (action === "list") return list(ctx);
    if (action === "revoke") return revoke(ctx);
    throw new UsageError(`Unknown token action "${action}": use create, list or revoke. Usage: baton ${usage}`);
  },
};

async function create(ctx: CommandContext) {
  const username = requirePositional(ctx, 1, "the user the token is for", usage);
  const name = stringOption(ctx, "name");
  if (!name?.trim()) throw new UsageError(`Name the token with --name, e.g. --name "Payment provider". Usage: baton ${usage}`);
  const days = stringOption(ctx, "expires-days");
  const expiresInDays = days === undefined ? null : Number(days);
  if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1)) throw new UsageError(`--expires-days must be a whole number of days such as 90, not "${days}".`);
  const actor = await actingUser(ctx, usage, true);
  const { token, secret } = await createApiToken(ctx.db, actor, { username, name, expiresInDays });
  ctx.out.result({ token, secret }, () =>
    [
      `Created the API token "${token.name}" for ${token.username} (id ${token.id}, ${token.expiresAt ? `expires ${token.expiresAt}` : "does not expire"}).`,
      "",
      `  ${secret}`,
      "",
      "Copy it now: it is not shown again. Send it as `Authorization: Bearer <token>`.",
    ].join("\n"),
  );
}

async function list(ctx: CommandContext) {
  const actor = await actingUser(ctx, usage, true);
  const tokens = await listApiTokens(ctx.db, actor, { username: ctx.positionals[1] });
  ctx.out.result(tokens, () =>
    table(
      ["id", "user", "name", "prefix", "created", "last used", "expires", "status"],
      tokens.map((t) => [t.id, t.username, t.name, `${t.prefix}…`, t.createdAt, t.lastUsedAt ?? "never", t.expiresAt ?? "never", t.status]),
    ),
  );
}

async function revoke(ctx: CommandContext) {
  const id = requirePositional(ctx, 1, "the token's id (see `baton token list`)", usage);
  const actor = await actingUser(ctx, usage, true);
  const token = await revokeApiToken(ctx.db, actor, { id });
  ctx.out.result(token, () => `Revoked the API token "${token.name}" of ${token.username} (${token.prefix}…); it no longer works.`);
}
