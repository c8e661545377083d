import type { ServerCheck } from "./use-server-check.ts";

/** Where the problems list comes from, in a few words. */
export function CheckSource({ check }: { check: ServerCheck | null }) {
  if (!check) return <>Checked as you edit</>;
  return (
    <>
      {check.reason === "publish" ? "Publishing was refused" : "Checked on the server"} at{" "}
      {check.at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
    </>
  );
}
