import { describe, expect, it } from "vitest";
import { acceptProblem, parseAccept } from "./AttachmentEditor.tsx";

describe("accepted types of an attachment field", () => {
  it("reads a comma-separated list, dropping blanks", () => {
    expect(parseAccept(" application/pdf, image/* ,, .docx ")).toEqual(["application/pdf", "image/*", ".docx"]);
    expect(parseAccept("  ")).toEqual([]);
  });
  it("names the first entry that is not a type", () => {
    expect(acceptProblem("application/pdf, pdf, .doc")).toBe('"pdf" is not a type: write one like application/pdf, image/* or .pdf.');
    expect(acceptProblem("image/*, .PDF")).toBeNull();
    expect(acceptProblem("")).toBeNull();
  });
});
