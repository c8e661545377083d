import { compileForm } from "@baton/forms";
import { BatonForm } from "@baton/forms/react";
import type { AttachmentService, BatonFormHandle, FormData } from "@baton/forms/react";
import { formDefinitionSchema, type AttachmentFile } from "@baton/model";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createRef, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Attachment fields as the portal renders them: a picked file is checked
 * in the browser, uploaded through the page's file service, and only then
 * enters the form data; files show as download links, read-only too.
 */
afterEach(cleanup);

const form = compileForm(
  formDefinitionSchema.parse({
    schemaVersion: 1,
    blocks: [
      { id: "f-proof", type: "attachment", key: "proof", label: "Proof of income", required: true, multiple: true, maxSizeMb: 1, accept: ["application/pdf", "image/*"] },
      { id: "f-earlier", type: "display", label: "Signed contract", variable: "signedContract" },
    ],
  }),
);

const stored = (name: string, size: number, id = `00000000-0000-4000-8000-00000000000${name.length % 10}`): AttachmentFile => ({ id, name, size, contentType: "application/pdf" });

function renderForm(service: AttachmentService | undefined, options: { initial?: FormData; readonly?: boolean; variables?: Record<string, unknown> } = {}) {
  const formRef = createRef<BatonFormHandle>();
  const onSubmit = vi.fn<(data: FormData) => void>();
  const changes: FormData[] = [];
  function Page() {
    const [data, setData] = useState<FormData>(options.initial ?? {});
    return (
      <BatonForm
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={data}
        onChange={(next) => {
          changes.push(next);
          setData(next);
        }}
        onSubmit={onSubmit}
        formRef={formRef}
        attachments={service}
        readonly={options.readonly}
        variables={options.variables}
      />
    );
  }
  render(<Page />);
  return { formRef, onSubmit, lastData: () => changes.at(-1) };
}

const pick = (files: File[]) => {
  const input = screen.getByLabelText(/Proof of income/) as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
};
const pdf = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });

describe("attachment field", () => {
  it("uploads picked files and keeps what the server answered in the data", async () => {
    const upload = vi.fn(async (file: File, field: string) => stored(file.name, file.size, field === "proof" ? crypto.randomUUID() : "wrong"));
    const { lastData } = renderForm({ upload, href: (f) => `/api/attachments/${f.id}` });
    pick([pdf("march.pdf", 10), pdf("april.pdf", 20)]);
    await waitFor(() => expect(lastData()?.proof).toHaveLength(2));
    expect(upload).toHaveBeenCalledTimes(2);
    expect((lastData()!.proof as AttachmentFile[]).map((f) => f.name)).toEqual(["march.pdf", "april.pdf"]);
    const link = screen.getByRole("link", { name: "march.pdf" });
    expect(link.getAttribute("href")).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);
    expect(screen.getByText("10 bytes")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Remove march.pdf" }));
    expect((lastData()!.proof as AttachmentFile[]).map((f) => f.name)).toEqual(["april.pdf"]);
  });

  it("refuses a file that is too big or of another type before uploading, and says why beside the field", async () => {
    const upload = vi.fn(async (file: File) => stored(file.name, file.size));
    const { lastData } = renderForm({ upload, href: () => undefined });
    pick([pdf("huge.pdf", 1024 * 1024 + 1), new File(["x"], "notes.txt", { type: "text/plain" })]);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText('"huge.pdf" is 1.0 MB; this field takes files up to 1.0 MB.')).toBeTruthy();
    expect(within(alert).getByText('"notes.txt" is not a type this field takes (application/pdf, image/*).')).toBeTruthy();
    expect(upload).not.toHaveBeenCalled();
    expect(lastData()?.proof ?? []).toEqual([]);
  });

  it("shows the server's refusal and keeps the data as it was", async () => {
    const upload = vi.fn(async () => {
      throw new Error('"scan.pdf" is not a type this field takes.');
    });
    const { lastData } = renderForm({ upload, href: () => undefined });
    pick([pdf("scan.pdf", 5)]);
    expect(await screen.findByText('"scan.pdf" is not a type this field takes.')).toBeTruthy();
    expect(lastData()?.proof ?? []).toEqual([]);
  });

  it("requires a file on submit", async () => {
    const { formRef, onSubmit } = renderForm({ upload: vi.fn(), href: () => undefined });
    act(() => formRef.current!.submit());
    await waitFor(() => expect(screen.getAllByRole("alert").length).toBeGreaterThan(0));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("read-only shows the files as download links and no input; a display shows an earlier upload", () => {
    renderForm(
      { upload: vi.fn(), href: (f) => `/api/attachments/${f.id}` },
      { readonly: true, initial: { proof: [stored("may.pdf", 2048, "00000000-0000-4000-8000-000000000009")] }, variables: { signedContract: [stored("contract.pdf", 4096)] } },
    );
    expect(screen.getByRole("link", { name: "may.pdf" }).getAttribute("href")).toBe("/api/attachments/00000000-0000-4000-8000-000000000009");
    expect(screen.getByRole("link", { name: "contract.pdf" })).toBeTruthy();
    expect(document.querySelector('input[type="file"]')).toBeNull();
  });

  it("without a file service (a preview) says where files can be attached", async () => {
    renderForm(undefined);
    pick([pdf("a.pdf", 3)]);
    expect(await screen.findByText("Files can be attached only where the form is filled in for real (in the portal).")).toBeTruthy();
  });
});
