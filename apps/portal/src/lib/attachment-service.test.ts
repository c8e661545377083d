import { describe, expect, it, vi } from "vitest";
import { attachmentService } from "./attachment-service.ts";

const file = new File(["%PDF"], "März payslip.pdf", { type: "application/pdf" });

describe("attachment service", () => {
  it("posts the bytes for the form's field and returns the stored details", async () => {
    const stored = { id: "00000000-0000-4000-8000-000000000001", name: "März payslip.pdf", size: 4, contentType: "application/pdf" };
    const send = vi.fn(async () => new Response(JSON.stringify(stored), { status: 201 }));
    const service = attachmentService({ processKey: "credit-application" }, send as typeof fetch);
    expect(await service.upload(file, "incomeProof")).toEqual(stored);
    expect(send).toHaveBeenCalledWith(
      "/api/attachments?process=credit-application&field=incomeProof&name=M%C3%A4rz%20payslip.pdf",
      expect.objectContaining({ method: "POST", body: file, headers: { "Content-Type": "application/pdf" } }),
    );
    expect(service.href(stored)).toBe("/api/attachments/00000000-0000-4000-8000-000000000001");
  });

  it("turns a refusal or a lost connection into a sentence for the participant", async () => {
    const refusing = attachmentService({ taskId: "t1" }, (async () =>
      new Response(JSON.stringify({ error: { code: "INVALID_INPUT", message: '"März payslip.pdf" is too big.' } }), { status: 400 })) as typeof fetch);
    await expect(refusing.upload(file, "scan")).rejects.toThrow('"März payslip.pdf" is too big.');
    const offline = attachmentService({ taskId: "t1" }, (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    await expect(offline.upload(file, "scan")).rejects.toThrow(/the server did not answer/);
    const broken = attachmentService({ taskId: "t1" }, (async () => new Response("<html>", { status: 502 })) as typeof fetch);
    await expect(broken.upload(file, "scan")).rejects.toThrow('"März payslip.pdf" could not be uploaded (HTTP 502).');
  });
});
