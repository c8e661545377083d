import { describe, expect, it } from "vitest";
import { ATTACHMENTS_PATH, contentDisposition } from "./attachment-routes.ts";
import { seededServer } from "./test-support/seeded-server.ts";

/**
 * Uploading and downloading form files over HTTP, as the portal does, on
 * the seeded credit application (its start form takes proof of income:
 * PDF or pictures, up to 10 MB each).
 */
const { app, cookieOf } = seededServer();

const upload = (cookie: string, query: string, body: Buffer | string, contentType = "application/pdf") =>
  app().inject({ method: "POST", url: `${ATTACHMENTS_PATH}?${query}`, headers: { cookie, "content-type": contentType }, payload: body });

const forStart = (name: string) => `process=credit-application&field=incomeProof&name=${encodeURIComponent(name)}`;

describe("form files over HTTP", () => {
  it("stores an upload for the start form and gives the bytes back to the uploader only", async () => {
    const sam = await cookieOf("sam");
    const res = await upload(sam, forStart("Payslip März.pdf"), "%PDF-1.7 payslip");
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toEqual({ id: expect.any(String), name: "Payslip März.pdf", size: 16, contentType: "application/pdf" });

    const download = await app().inject({ url: `${ATTACHMENTS_PATH}/${file.id}`, headers: { cookie: sam } });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("%PDF-1.7 payslip");
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(`attachment; filename="Payslip M_rz.pdf"; filename*=UTF-8''Payslip%20M%C3%A4rz.pdf`);
    expect(download.headers["content-security-policy"]).toBe("sandbox; default-src 'none'");

    const dana = await cookieOf("dana");
    const hidden = await app().inject({ url: `${ATTACHMENTS_PATH}/${file.id}`, headers: { cookie: dana } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toEqual({ code: "NOT_FOUND", message: `File "${file.id}" was not found.` });
  });

  it("asks anonymous callers to sign in", async () => {
    expect((await upload("", forStart("a.pdf"), "x")).statusCode).toBe(401);
    expect((await app().inject({ url: `${ATTACHMENTS_PATH}/7f1c7a51-8a9e-4f3a-9d55-1c2b7d7a0c11` })).statusCode).toBe(401);
  });

  it("says what is wrong with a request: missing target, unknown field, wrong type, too big, not allowed", async () => {
    const sam = await cookieOf("sam");
    const noTarget = await upload(sam, "field=incomeProof&name=a.pdf", "x");
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error.message).toMatch(/"task" \(a task id\) or "process"/);
    const unknownField = await upload(sam, "process=credit-application&field=amount&name=a.pdf", "x");
    expect(unknownField.json().error.message).toBe('The start form of "Credit application" has no attachment field "amount".');
    // A .json file is stored as bytes, not parsed as a request: here refused by the field's types.
    const json = await upload(sam, forStart("data.json"), '{"a":1}', "application/json");
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBe('"data.json" is not a type this field takes (application/pdf, image/*).');
    const big = await upload(sam, forStart("scan.png"), Buffer.alloc(10 * 1024 * 1024 + 1, 1), "image/png");
    expect(big.json().error.message).toBe('"scan.png" is 10.0 MB; this field takes files up to 10.0 MB.');
    const huge = await upload(sam, forStart("huge.png"), Buffer.alloc(50 * 1024 * 1024 + 2, 1), "image/png");
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({ code: "INVALID_INPUT", message: "The file is larger than 50 MB, more than any field takes." });
    const shay = await cookieOf("shay");
    const forbidden = await upload(shay, forStart("a.pdf"), "x");
    expect(forbidden.statusCode).toBe(403);
  });

  it("names a download in ASCII and in UTF-8", () => {
    expect(contentDisposition('a "quoted" name.pdf')).toBe(`attachment; filename="a _quoted_ name.pdf"; filename*=UTF-8''a%20%22quoted%22%20name.pdf`);
  });
});
