import { Ban } from "lucide-react";
import { formatDateTime, formatRelativeTime } from "../../lib/format-time.ts";
import { Button } from "../../ui/Button.tsx";
import type { ApiToken, ApiTokenStatus } from "../admin-api.ts";

const STATUS: Record<ApiTokenStatus, { label: string; className: string }> = {
  active: { label: "Active", className: "tag tag-published" },
  expired: { label: "Expired", className: "tag tag-warning" },
  revoked: { label: "Revoked", className: "tag tag-danger" },
};

/** A user's API tokens: which is which (name, first characters), when made and last used, until when, and whether it still works. */
export function ApiTokensTable({ tokens, ownerName, onRevoke }: { tokens: ApiToken[]; ownerName: string; onRevoke: (token: ApiToken) => void }) {
  return (
    <div className="table-panel admin-table-scroll">
      <table className="table admin-table" aria-label={`API tokens of ${ownerName}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className={t.status === "active" ? undefined : "is-disabled"}>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td title={t.createdBy ? `by ${t.createdBy}` : undefined}>{formatDateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? <span title={formatDateTime(t.lastUsedAt)}>{formatRelativeTime(t.lastUsedAt)}</span> : <span className="muted">Never</span>}</td>
              <td>{t.expiresAt ? formatDateTime(t.expiresAt) : <span className="muted">Never</span>}</td>
              <td>
                <span className={STATUS[t.status].className}>{STATUS[t.status].label}</span>
              </td>
              <td className="row-actions">
                {t.status !== "revoked" && (
                  <Button size="sm" variant="ghost" icon={<Ban size={14} aria-hidden="true" />} aria-label={`Revoke the token ${t.name}`} onClick={() => onRevoke(t)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
