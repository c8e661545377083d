import { ArrowLeft, CheckCheck, Eye, Upload } from "lucide-react";
import { Link } from "react-router";
import type { VersionSummary } from "../api/studio-types.ts";
import { formatDateTime, formatRelativeTime } from "../lib/format-time.ts";
import { Button } from "../ui/Button.tsx";
import type { ProcessView } from "./use-process-data.ts";
import { VersionSelect } from "./VersionSelect.tsx";

type Props = {
  view: ProcessView;
  versions: VersionSummary[];
  hasDraft: boolean;
  draftVersion: number | null;
  onChooseVersion: (version: number | null) => void;
  onValidate: () => void;
  validating: boolean;
  onPublish: () => void;
  publishing: boolean;
  /** Who edited or published, by user name → display name. */
  personName: (username: string | null) => string;
};

/** Name, where we are (draft or a published version), and the actions. */
export function ProcessToolbar(props: Props) {
  const { view } = props;
  const isDraft = view.mode === "draft";
  const when = isDraft ? view.updatedAt : view.publishedAt;
  const who = props.personName(isDraft ? view.updatedBy : view.publishedBy);
  return (
    <div className="process-toolbar" role="toolbar" aria-label="Process">
      <Link to="/" className="icon-button" aria-label="Back to processes" title="Back to processes">
        <ArrowLeft size={18} />
      </Link>
      <div className="process-toolbar-title">
        <h1 className="process-name">{view.definition.name}</h1>
        <div className="process-status">
          {isDraft ? (
            <>
              <span className="tag">Draft v{view.version}</span>
              <span>· saved ·</span>
            </>
          ) : (
            <>
              <span className="tag tag-published">
                <Eye size={12} aria-hidden="true" /> Version {view.version} · read-only
              </span>
              <span>·</span>
            </>
          )}
          <span className="muted" title={formatDateTime(when)}>
            {isDraft ? "edited" : "published"} {formatRelativeTime(when)} by {who}
          </span>
        </div>
      </div>
      <div className="process-toolbar-actions">
        <VersionSelect
          versions={props.versions}
          hasDraft={props.hasDraft}
          draftVersion={props.draftVersion}
          value={isDraft ? null : view.version}
          onChange={props.onChooseVersion}
        />
        <Button icon={<CheckCheck size={16} aria-hidden="true" />} onClick={props.onValidate} busy={props.validating}>
          Validate
        </Button>
        <Button
          variant="primary"
          icon={<Upload size={16} aria-hidden="true" />}
          onClick={props.onPublish}
          busy={props.publishing}
          disabled={!isDraft}
          title={isDraft ? "Publish the saved draft as a new version" : "Switch to the draft to publish"}
        >
          Publish
        </Button>
      </div>
    </div>
  );
}
