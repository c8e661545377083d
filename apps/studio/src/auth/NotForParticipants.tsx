import { ArrowRight } from "lucide-react";
import type { Me } from "../api/studio-types.ts";
import { BrandMark } from "../layout/BrandMark.tsx";
import { useSignOut } from "./use-session.ts";

/** A participant signed in: the studio is not for them, the portal is. */
export function NotForParticipants({ me }: { me: Me }) {
  const signOut = useSignOut();
  return (
    <main className="sign-in-page">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <BrandMark />
          <span>Baton Studio</span>
        </div>
        <h1 className="sign-in-title">The studio is for analysts and admins — open the portal</h1>
        <p className="sign-in-lead">
          You are signed in as {me.displayName}. Your tasks and requests are in the portal.
        </p>
        <a className="btn btn-primary sign-in-submit" href="/portal/">
          <span>Open the portal</span>
          <ArrowRight size={16} aria-hidden="true" />
        </a>
        <button type="button" className="btn btn-ghost sign-in-submit" onClick={() => signOut.mutate()}>
          Sign in as someone else
        </button>
      </div>
    </main>
  );
}
