import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ArrowRight } from "lucide-react";
import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { BpmnView } from "../../bpmn/BpmnView.tsx";
import { ErrorState } from "../../ui/ErrorState.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminQueryKeys, type ProcessOverview, type VersionSide } from "../admin-api.ts";
import { useAdminApi } from "../admin-api-context.ts";
import { DiffSummary } from "./DiffSummary.tsx";
import "./versions.css";

/**
 * `/admin/processes/:key/compare?from=1&to=2`: two version pickers, what
 * changed as a list, and the two diagrams side by side with the changes
 * highlighted (removed and changed on the older, added and changed on the newer).
 */
export function CompareVersions({ process }: { process: ProcessOverview }) {
  const api = useAdminApi();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const numbers = process.versions.map((v) => v.version);
  const pick = (name: string, fallback: number | undefined) => {
    const n = Number(params.get(name));
    return numbers.includes(n) ? n : fallback;
  };
  const to = pick("to", numbers[0]);
  const from = pick("from", numbers.find((n) => to !== undefined && n < to) ?? numbers[1]);
  const ready = from !== undefined && to !== undefined && from !== to;
  const diff = useQuery({
    queryKey: adminQueryKeys.versionDiff(process.key, from ?? 0, to ?? 0),
    queryFn: () => api.versionDiff(process.key, from!, to!),
    enabled: ready,
  });
  const choose = (name: "from" | "to", value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const back = (
    <Link to=".." relative="path" className="back-link">
      <ArrowLeft size={14} aria-hidden="true" /> {process.name}
    </Link>
  );
  if (numbers.length < 2) {
    return (
      <div className="admin-stack">
        {back}
        <div className="panel">
          <p className="admin-empty-line">There is only {numbers.length === 0 ? "a draft" : "one version"}: there is nothing to compare yet.</p>
        </div>
      </div>
    );
  }
  const picker = (name: "from" | "to", label: string, value: number | undefined) => (
    <div className="field compare-picker">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <select id={`${id}-${name}`} className="select" value={value ?? ""} onChange={(e) => choose(name, e.target.value)}>
        {process.versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
            {v.label ? ` — ${v.label}` : ""}
            {v.deprecated !== null ? " (deprecated)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="admin-stack compare-versions">
      <div>
        {back}
        <h2 className="section-title">Compare versions of {process.name}</h2>
      </div>
      <div className="compare-pickers">
        {picker("from", "Older side", from)}
        <ArrowRight size={18} aria-hidden="true" className="compare-arrow" />
        {picker("to", "Newer side", to)}
      </div>
      {!ready && <p className="field-error">Pick two different versions.</p>}
      {ready && diff.isPending && <Spinner label="Comparing…" />}
      {ready && diff.isError && <ErrorState title="The versions could not be compared" error={diff.error} onRetry={() => void diff.refetch()} />}
      {ready && diff.data && (
        <>
          <section className="panel compare-summary" aria-labelledby={`${id}-summary`}>
            <h3 id={`${id}-summary`} className="subsection-title">
              What changed from version {diff.data.from.version} to version {diff.data.to.version}
            </h3>
            <DiffSummary diff={diff.data.diff} />
          </section>
          <section aria-labelledby={`${id}-diagrams`}>
            <div className="compare-diagrams-header">
              <h3 id={`${id}-diagrams`} className="subsection-title">
                The two diagrams
              </h3>
              <ul className="diff-legend" aria-label="Highlights">
                <li className="is-added">Added</li>
                <li className="is-removed">Removed</li>
                <li className="is-changed">Changed</li>
              </ul>
            </div>
            <div className="compare-diagrams">
              <Diagram side={diff.data.from} />
              <Diagram side={diff.data.to} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function Diagram({ side }: { side: VersionSide }) {
  const markers = Object.fromEntries(Object.entries(side.markers).map(([elementId, marker]) => [elementId, `diff-${marker}`]));
  return (
    <figure className="panel compare-diagram">
      <figcaption>
        <strong>Version {side.version}</strong>
        {side.label ? ` — ${side.label}` : ""}
        {side.deprecated !== null && <span className="tag tag-warning">Deprecated</span>}
      </figcaption>
      {side.bpmnXml ? (
        <BpmnView xml={side.bpmnXml} markers={markers} label={`Diagram of version ${side.version}`} className="compare-bpmn" />
      ) : (
        <p className="admin-empty-line">This version was published before Baton kept diagrams.</p>
      )}
    </figure>
  );
}
