import { SearchX } from "lucide-react";
import { Link, useParams, useSearchParams } from "react-router";
import { readBatonError } from "../api/baton-error.ts";
import { EmptyState } from "../ui/EmptyState.tsx";
import { ErrorState } from "../ui/ErrorState.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { ProcessWorkspace } from "./ProcessWorkspace.tsx";
import { useProcessData } from "./use-process-data.ts";

/** `/processes/:key[?version=N]`: loads what to show, then hands over to the workspace. */
export function ProcessPage() {
  const { key = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const raw = search.get("version");
  const requested = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const data = useProcessData(key, requested);

  if (data.status === "loading") {
    return (
      <div className="page-center">
        <Spinner label="Opening the process…" />
      </div>
    );
  }
  if (data.status === "error" && readBatonError(data.error).code === "NOT_FOUND") {
    return (
      <div className="page-center">
        <EmptyState icon={<SearchX size={28} />} title="There is no such process">
          <p>
            Nothing is known under the key <code>{key}</code>. It may have been mistyped or removed.
          </p>
          <p>
            <Link to="/">Back to the processes</Link>
          </p>
        </EmptyState>
      </div>
    );
  }
  if (data.status === "error") {
    return (
      <div className="page-center">
        <ErrorState title="This process could not be opened" error={data.error} onRetry={data.retry} />
      </div>
    );
  }
  const chooseVersion = (version: number | null) => {
    setSearch(version === null ? {} : { version: String(version) });
  };
  return (
    <ProcessWorkspace
      // Another process or published version starts afresh. The draft keeps its
      // designer (and undo history) while autosave moves its version on.
      key={data.view.mode === "draft" ? `${key}:draft` : `${key}:${data.view.version}`}
      processKey={key}
      view={data.view}
      versions={data.versions}
      hasDraft={data.hasDraft}
      onChooseVersion={chooseVersion}
    />
  );
}
