import { ArrowLeft, CheckCheck, Eye, Upload } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { VersionSummary } from "../api/studio-types.ts";
import { Button } from "../ui/Button.tsx";
import { VersionSelect } from "./VersionSelect.tsx";

type Props = {
  name: string;
  /** "draft" with its version, or the published version being looked at. */
  mode: "draft" | "published";
  version: number;
  /** What follows the tag: the save status of a draft, who published a version. */
  status: ReactNode;
  versions: VersionSummary[];
  hasDraft: boolean;
  draftVersion: number | null;
  onChooseVersion: (version: number | null) => void;
  onValidate: () => void;
  validating: boolean;
  onPublish: () => void;
  publishing: boolean;
};

/** Name, where we are (draft or a published version), and the actions. */
export function ProcessToolbar(props: Props) {
  const isDraft = props.mode === "draft";
  return (
    <div className="process-toolbar" role="toolbar" aria-label="Process">
      <Link to="/" className="icon-button" aria-label="Back to processes" title="Back to processes">
        <ArrowLeft size={18} />
      </Link>
      <div className="process-toolbar-title">
        <h1 className="process-name">{props.name}</h1>
        <div className="process-status">
          {isDraft ? (
            <span className="tag">Draft v{props.version}</span>
          ) : (
            <span className="tag tag-published">
              <Eye size={12} aria-hidden="true" /> Version {props.version} · read-only
            </span>
          )}
          {props.status}
        </div>
      </div>
      <div className="process-toolbar-actions">
        <VersionSelect
          versions={props.versions}
          hasDraft={props.hasDraft}
          draftVersion={props.draftVersion}
          value={isDraft ? null : props.version}
          onChange={props.onChooseVersion}
        />
        <Button icon={<CheckCheck size={16} aria-hidden="true" />} onClick={props.onValidate} busy={props.validating}>
          Validate
        </Button>
        <span title={isDraft ? "Publish the draft as a new version" : "Switch to the draft to publish"}>
          <Button
            variant="primary"
            icon={<Upload size={16} aria-hidden="true" />}
            onClick={props.onPublish}
            busy={props.publishing}
            disabled={!isDraft}
          >
            Publish
          </Button>
        </span>
      </div>
    </div>
  );
}
