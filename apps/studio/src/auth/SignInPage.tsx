import { LogIn } from "lucide-react";
import { useState, type FormEvent } from "react";
import { readBatonError } from "../api/baton-error.ts";
import { Button } from "../ui/Button.tsx";
import { BrandMark } from "../layout/BrandMark.tsx";
import { useSignIn } from "./use-session.ts";

/** Username and password; Enter submits because it is a real form. */
export function SignInPage() {
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(!username.trim() ? "Enter your user name." : "Enter your password.");
      return;
    }
    setMissing(null);
    signIn.mutate({ username: username.trim(), password });
  };

  const error = missing ?? (signIn.error ? readBatonError(signIn.error).message : null);

  return (
    <main className="sign-in-page">
      <form className="sign-in-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <div className="sign-in-brand">
          <BrandMark />
          <span>Baton Studio</span>
        </div>
        <h1 id="sign-in-title" className="sign-in-title">
          Sign in
        </h1>
        <p className="sign-in-lead">Design and publish your team's processes.</p>
        <label className="field">
          <span className="field-label">User name</span>
          <input
            className="input"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" className="sign-in-submit" busy={signIn.isPending} icon={<LogIn size={16} />}>
          Sign in
        </Button>
        <p className="sign-in-foot">
          Looking for your tasks? <a href="/portal/">Open the portal</a>
        </p>
      </form>
    </main>
  );
}
