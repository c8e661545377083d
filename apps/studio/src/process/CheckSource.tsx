import type { ServerCheck } from "./use-server-check.ts";

/** Where the problems list comes from, in a few words. */
export function CheckSource({ check, checking = false }: { check: ServerCheck | null; checking?: boolean }) {
  if (!check) return checking ? <span role="status">Checking…</span> : <>Checked as you edit</>;
  return (
    <>
      {check.reason === "publish" ? "Publishing was refused" : "Checked on the server"} at{" "}
      {check.at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
    </>
  );
}
