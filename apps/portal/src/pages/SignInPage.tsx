import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../auth/safe-next.ts";
import { useMe } from "../auth/use-me.ts";
import { Spinner } from "../components/Loading.tsx";
import { userMessage } from "../lib/baton-error.ts";
import { ME_KEY } from "../lib/query-client.ts";
import { trpc } from "../lib/trpc.ts";
import { usePageTitle } from "../lib/use-page-title.ts";

/** Sign in with user name and password; afterwards, go where the participant was going. */
export function SignInPage() {
  usePageTitle("Sign in");
  const me = useMe();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.data) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError("Please enter your user name and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await trpc.auth.login.mutate({ username: username.trim(), password });
      queryClient.setQueryData(ME_KEY, user);
      navigate(next, { replace: true });
    } catch (err) {
      setError(userMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <div className="signin-card">
        <div className="signin-brand">
          <span className="brand-mark brand-mark--lg" aria-hidden="true">B</span>
          <span className="brand-name">Baton</span>
        </div>
        <h1 className="signin-title">Sign in</h1>
        <p className="muted signin-lead">Sign in to see your tasks and requests.</p>
        <form onSubmit={(e) => void submit(e)} noValidate className="stack">
          <div className="field">
            <label htmlFor="username" className="label">
              User name
            </label>
            <input
              id="username"
              name="username"
              className="input"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "signin-error" : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="password" className="label">
              Password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              className="input"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "signin-error" : undefined}
            />
          </div>
          {error ? (
            <p id="signin-error" className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? <Spinner size={16} /> : null}
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </div>
    </div>
  );
}
