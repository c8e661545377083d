import type { BpmnImportReport } from "./bpmn-types.ts";

/**
 * What an import made of a BPMN file: the steps it took, every element it
 * could not take with the reason, the warnings, and the draft's problems.
 */
export function ImportReport({ report }: { report: BpmnImportReport }) {
  const steps = report.imported.filter((i) => i.kind !== "connection");
  const connections = report.imported.length - steps.length;
  const errors = report.problems.filter((p) => p.severity === "error");
  const warnings = report.problems.filter((p) => p.severity === "warning");
  return (
    <div className="bpmn-import-report">
      <p>
        {steps.length} step{steps.length === 1 ? "" : "s"} and {connections} connection{connections === 1 ? "" : "s"} imported
        {report.unsupported.length > 0 ? `, ${report.unsupported.length} element${report.unsupported.length === 1 ? "" : "s"} not` : ""}.
      </p>
      <section aria-label="Imported steps">
        <h3>Imported steps ({steps.length})</h3>
        <table className="table">
          <thead>
            <tr>
              <th>Id in the file</th>
              <th>BPMN type</th>
              <th>Baton step</th>
              <th>Name</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.id}>
                <td>
                  <code>{s.id}</code>
                  {s.stepId && <> → <code>{s.stepId}</code></>}
                </td>
                <td>{s.type}</td>
                <td>{s.kind}</td>
                <td>{s.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {report.unsupported.length > 0 && (
        <section aria-label="Not imported">
          <h3>Not imported ({report.unsupported.length})</h3>
          <table className="table">
            <thead>
              <tr>
                <th>Id</th>
                <th>Type</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {report.unsupported.map((u, i) => (
                <tr key={`${u.id}-${i}`}>
                  <td>
                    <code>{u.id}</code>
                  </td>
                  <td>{u.type}</td>
                  <td>{u.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {report.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h3>Warnings ({report.warnings.length})</h3>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      {report.problems.length > 0 && (
        <section aria-label="Problems">
          <h3>
            Problems to fix in the draft ({errors.length} error{errors.length === 1 ? "" : "s"}, {warnings.length} warning{warnings.length === 1 ? "" : "s"})
          </h3>
          <ul>
            {[...errors, ...warnings].map((p, i) => (
              <li key={i}>
                {p.severity === "error" ? "Error" : "Warning"}: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
