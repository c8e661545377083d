import type { ReactNode } from "react";
import type { Me } from "../api/studio-types.ts";
import { ErrorState } from "../ui/ErrorState.tsx";
import { Spinner } from "../ui/Spinner.tsx";
import { NotForParticipants } from "./NotForParticipants.tsx";
import { SignInPage } from "./SignInPage.tsx";
import { useMe } from "./use-session.ts";

/** Renders the studio only for a signed-in analyst or admin. */
export function AuthGate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="page-center">
        <Spinner label="Starting Baton Studio…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorState title="Baton Studio could not start" error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) return <SignInPage />;
  if (me.data.role === "participant") return <NotForParticipants me={me.data} />;
  return <>{children(me.data)}</>;
}
