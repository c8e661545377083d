// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Dialog } from "./Dialog.tsx";

afterEach(cleanup);

function Harness({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog
          title="Publish version 2 of Sales?"
          onClose={() => {
            onClose?.();
            setOpen(false);
          }}
          actions={
            <>
              <button type="button">Cancel</button>
              <button type="button" data-autofocus>
                Publish
              </button>
            </>
          }
        >
          <p>Running work stays on its version.</p>
        </Dialog>
      )}
    </>
  );
}

describe("Dialog", () => {
  it("is a labelled modal that focuses the chosen button", () => {
    render(<Harness />);
    fireEvent.click(screen.getByText("Open"));
    const dialog = screen.getByRole("dialog", { name: "Publish version 2 of Sales?" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.activeElement).toBe(screen.getByText("Publish"));
  });

  it("keeps Tab inside and wraps around both ways", () => {
    render(<Harness />);
    fireEvent.click(screen.getByText("Open"));
    const dialog = screen.getByRole("dialog");
    fireEvent.keyDown(dialog, { key: "Tab" }); // from the last button
    expect(document.activeElement).toBe(screen.getByText("Cancel"));
    fireEvent.keyDown(dialog, { key: "Tab", shiftKey: true }); // from the first button
    expect(document.activeElement).toBe(screen.getByText("Publish"));
  });

  it("closes on Escape and gives focus back to the button that opened it", () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const opener = screen.getByText("Open");
    opener.focus();
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
