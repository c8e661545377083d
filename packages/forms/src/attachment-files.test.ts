import { describe, expect, it } from "vitest";
import { acceptsFile, attachmentProblem, formatFileSize, isFileList } from "./attachment-files.ts";

describe("attachment files", () => {
  it("accepts by type, family or ending, without case; no list accepts anything", () => {
    expect(acceptsFile(["application/pdf"], "a.bin", "application/pdf")).toBe(true);
    expect(acceptsFile(["image/*"], "scan.PNG", "image/png")).toBe(true);
    expect(acceptsFile([".pdf"], "Scan.PDF", "application/octet-stream")).toBe(true);
    expect(acceptsFile(["image/*", ".pdf"], "notes.txt", "text/plain")).toBe(false);
    expect(acceptsFile(undefined, "notes.txt", "text/plain")).toBe(true);
  });

  it("says why a file does not fit: empty, too big, wrong type", () => {
    const options = { maxSizeMb: 1, multiple: false, accept: ["application/pdf"] };
    expect(attachmentProblem(options, { name: "a.pdf", size: 0, type: "application/pdf" })).toBe('"a.pdf" is empty; choose a file with content.');
    expect(attachmentProblem(options, { name: "a.pdf", size: 1024 * 1024 + 1, type: "application/pdf" })).toBe('"a.pdf" is 1.0 MB; this field takes files up to 1.0 MB.');
    expect(attachmentProblem(options, { name: "a.png", size: 10, type: "image/png" })).toBe('"a.png" is not a type this field takes (application/pdf).');
    expect(attachmentProblem(options, { name: "a.pdf", size: 1024 * 1024, type: "application/pdf" })).toBeUndefined();
  });

  it("writes sizes for people", () => {
    expect([512, 4300, 380_000, 13_107_200].map(formatFileSize)).toEqual(["512 bytes", "4.2 KB", "371 KB", "12.5 MB"]);
  });

  it("tells a list of files from other lists", () => {
    expect(isFileList([{ id: "x", name: "a.pdf", size: 1, contentType: "application/pdf" }])).toBe(true);
    expect(isFileList([{ lender: "Bank", monthlyPayment: 100 }])).toBe(false);
    expect(isFileList([])).toBe(false);
  });
});
