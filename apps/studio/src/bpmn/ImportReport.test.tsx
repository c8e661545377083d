// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { decodeXmlBytes, importBpmn } from "@baton/model";
import { ImportReport } from "./ImportReport.tsx";

afterEach(cleanup);

/** A real report: the MIWG C.1.0 invoice process, as Signavio exported it for Camunda. */
async function c10Report() {
  // jsdom gives import.meta.url an http: scheme; the file's folder is still known.
  const xml = decodeXmlBytes(readFileSync(join(import.meta.dirname, "../../../../packages/model/test-fixtures/bpmn/miwg/reference/C.1.0.bpmn")));
  return (await importBpmn(xml)).report;
}

describe("ImportReport", () => {
  it("lists the steps taken, what was not taken and why, the warnings and the problems", async () => {
    const report = await c10Report();
    render(<ImportReport report={report} />);
    const steps = screen.getByRole("region", { name: "Imported steps" });
    expect(within(steps).getAllByRole("row")).toHaveLength(1 + report.imported.filter((i) => i.kind !== "connection").length);
    expect(within(steps).getByText("Approve Invoice")).toBeTruthy();

    const notImported = screen.getByRole("region", { name: "Not imported" });
    const lane = within(notImported).getByText("Approver").closest("tr")!;
    expect(lane.textContent).toMatch(/bpmn:Lane.*does not derive assignment from lanes/);
    expect(within(notImported).getAllByRole("row")).toHaveLength(1 + report.unsupported.length);

    expect(within(screen.getByRole("region", { name: "Warnings" })).getByText(/translated from JUEL \$\{approved\} to FEEL approved/)).toBeTruthy();
    // Its service task was exported without an address: named where it is.
    expect(within(screen.getByRole("region", { name: "Problems" })).getByText(/not a complete web address/)).toBeTruthy();
  });
});
