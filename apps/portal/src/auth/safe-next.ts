/**
 * Where to go after signing in: the `next` parameter when it is a path of
 * this app, else the inbox. Refuses `//host` and absolute URLs, so a link
 * cannot send a participant to another site after they typed their password.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/signin")) return "/";
  return next;
}
