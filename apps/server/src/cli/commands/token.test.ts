import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton token` as an admin gives an outside system its API token (see cli.test.ts). */
const { baton } = batonCli("baton-token-cli-");

describe("baton token", () => {
  it("creates a token with its secret once, lists it without, and revokes it; says what is wrong", async () => {
    expect((await baton("seed")).code).toBe(0);

    const noName = await baton("token", "create", "sam");
    expect(noName.code).toBe(1);
    expect(noName.json.error).toMatchObject({ code: "USAGE", message: expect.stringContaining("--name") });
    const badDays = await baton("token", "create", "sam", "--name", "Shop", "--expires-days", "soon");
    expect(badDays.json.error).toEqual({ code: "USAGE", message: '--expires-days must be a whole number of days such as 90, not "soon".' });
    expect((await baton("token", "create", "sam", "--name", "Not mine", "--as", "dana")).json.error.code).toBe("FORBIDDEN");

    const created = await baton("token", "create", "sam", "--name", "Web shop", "--expires-days", "30");
    expect(created.code).toBe(0);
    const { token, secret } = created.json;
    expect(secret).toMatch(/^baton_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ username: "sam", name: "Web shop", createdBy: "admin", status: "active", expiresAt: expect.any(String) });

    const listed = await baton("token", "list", "sam");
    expect(listed.json).toEqual([token]);
    expect(JSON.stringify(listed.json)).not.toContain(secret);

    expect((await baton("token", "revoke", token.id)).json).toMatchObject({ id: token.id, status: "revoked" });
    expect((await baton("token", "list")).json).toEqual([expect.objectContaining({ id: token.id, status: "revoked" })]);
    expect((await baton("token", "revoke", token.id)).json.error.code).toBe("CONFLICT");
    expect((await baton("token", "rotate")).json.error.message).toMatch(/^Unknown token action "rotate"/);
  }, 300_000);
});
