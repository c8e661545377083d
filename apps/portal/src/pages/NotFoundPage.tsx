import { Link } from "react-router";
import { usePageTitle } from "../lib/use-page-title.ts";

/** A page that does not exist (or a thing the participant cannot see), with a way back. */
export function NotFoundPage({
  title = "This page doesn't exist",
  text = "The link may be old or mistyped.",
  back = { to: "/", label: "Go to your inbox" },
}: {
  title?: string;
  text?: string;
  back?: { to: string; label: string };
}) {
  usePageTitle(title);
  return (
    <div className="page page--narrow">
      <div className="state-card">
        <p className="state-code" aria-hidden="true">404</p>
        <h1 className="state-title">{title}</h1>
        <p className="muted">{text}</p>
        <Link to={back.to} className="btn btn-primary">
          {back.label}
        </Link>
      </div>
    </div>
  );
}
