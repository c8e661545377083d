import { validate } from "@baton/model";
import { describe, expect, it } from "vitest";
import { sampleProcess } from "./sample-process.ts";

// The other tests rely on this fixture being a clean process.
describe("sampleProcess", () => {
  it("is valid according to the model", () => {
    expect(validate(sampleProcess())).toEqual([]);
  });
});
