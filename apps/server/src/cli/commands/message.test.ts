import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batonCli } from "../test-support/baton-cli.ts";

/** `baton message` as an outside system's script uses it (see cli.test.ts). */
const { dataDir, baton } = batonCli("baton-message-cli-");

const contract = {
  schemaVersion: 1,
  key: "contract",
  name: "Contract",
  steps: [
    { id: "start", kind: "start", name: "Start", position: { x: 0, y: 0 }, form: { schemaVersion: 1, blocks: [{ id: "f-n", type: "text", key: "contractNo", label: "Contract number" }] } },
    { id: "signed", kind: "messageCatch", name: "Signed", position: { x: 100, y: 0 }, message: { name: "contract-signed", correlationKey: "contractNo" } },
    { id: "done", kind: "end", name: "Done", position: { x: 200, y: 0 } },
  ],
  connections: [
    { id: "c1", source: "start", target: "signed" },
    { id: "c2", source: "signed", target: "done" },
  ],
};

describe("baton message", () => {
  it("delivers a message to the instance waiting with its key, once, and says clearly what is wrong", async () => {
    expect((await baton("seed")).code).toBe(0);
    const file = join(dataDir, "contract.json");
    writeFileSync(file, JSON.stringify(contract));
    expect((await baton("publish", file)).json).toMatchObject({ processKey: "contract", version: 1 });
    const { instanceId } = (await baton("start", "contract", "--as", "dana", "--data", '{"contractNo":"K-7"}')).json;

    const badJson = await baton("message", "contract-signed", "--key", "K-7", "--data", "{signedBy: Grace}");
    expect(badJson.code).toBe(1);
    expect(badJson.json.error).toMatchObject({ code: "USAGE", message: expect.stringContaining("--data is not valid JSON") });
    const notObject = await baton("message", "contract-signed", "--key", "K-7", "--data", "[1]");
    expect(notObject.json.error).toMatchObject({ code: "USAGE", message: '--data must be a JSON object such as {"amount": 120}, not [1].' });

    expect((await baton("message", "contract-signed", "--key", "K-7", "--data", '{"signedBy":"Grace"}')).json).toMatchObject({ outcome: "delivered", instanceId, status: "completed" });
    expect((await baton("instance", instanceId)).json.variables).toEqual({ contractNo: "K-7", signedBy: "Grace" });

    const again = await baton("message", "contract-signed", "--key", "K-7");
    expect(again.code).toBe(1);
    expect(again.json.error).toMatchObject({ code: "NOT_FOUND", message: 'No instance waits for message "contract-signed" with key "K-7", and no published process starts on it.' });
    expect((await baton("message", "contract-signed", "--key", "K-8", "--as", "dana")).json.error.code).toBe("FORBIDDEN");
  }, 300_000);
});
