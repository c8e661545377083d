import { eq, inArray } from "drizzle-orm";
import { groups, jobs, memberships, notifications, users, type Database } from "@baton/db";
import type { MailSettings } from "./mail-settings.ts";

/** Why a notification was sent: a notify step's alert, a late task's reminder or escalation, a task handed to someone, or a request an admin cancelled. */
export const NOTIFICATION_KINDS = ["alert", "reminder", "escalation", "assignment", "cancelled"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationInput = {
  /** User names, and group keys whose members all get it. */
  users: readonly string[];
  groups: readonly string[];
  /** Addresses of people outside Baton: an e-mail only (with `options.mail`), no in-app row. */
  emails?: readonly string[];
  instanceId: string | null;
  taskId?: string | null;
  kind: NotificationKind;
  subject: string;
  message: string;
  /** ISO 8601 instant: when it was sent (the event's time). */
  at: string;
};

export type NotificationOptions = {
  /** When set, each recipient with an e-mail address also gets an `email` job. */
  mail?: MailSettings | null;
};

/** The `email` job's payload: self-contained, so the job needs no other row to send. */
export type EmailJobPayload = { to: { name: string; address: string }; subject: string; text: string };

export const EMAIL_JOB = "email";

const SUBJECT_MAX = 250;
const DEFAULT_SUBJECT: Record<NotificationKind, string> = { alert: "Alert", reminder: "Reminder", escalation: "Escalation", assignment: "Task handed to you", cancelled: "Request cancelled" };

/**
 * Sends an in-app notification inside the caller's transaction: one row per
 * person (a group's members at this moment; each person once; disabled
 * users left out), and with `options.mail` one `email` job per recipient
 * who has an e-mail address, due at once. Answers who got it, who gets an
 * e-mail, and which names or group keys Baton does not know, so the caller
 * can make that visible instead of losing the alert silently.
 *
 * A subject that came out blank (a `{{variable}}` with no value) becomes
 * the kind's name rather than losing the alert.
 */
export async function sendNotification(
  tx: Database,
  input: NotificationInput,
  options: NotificationOptions = {},
): Promise<{ recipients: string[]; /** User names and outside addresses that get an e-mail. */ emailed: string[]; unknown: string[] }> {
  if (!NOTIFICATION_KINDS.includes(input.kind)) throw new Error(`sendNotification: unknown kind "${String(input.kind)}" (expected ${NOTIFICATION_KINDS.join(", ")}).`);
  if (Number.isNaN(Date.parse(input.at))) throw new Error(`sendNotification: "at" must be an ISO 8601 instant, not "${input.at}".`);
  const subject = clip(input.subject.trim() || DEFAULT_SUBJECT[input.kind], SUBJECT_MAX);
  const text = input.message.trim() || subject;
  const outside = options.mail ? [...new Set(input.emails ?? [])] : [];
  if (outside.length > 0) {
    await tx.insert(jobs).values(
      outside.map((address) => ({ instanceId: input.instanceId, type: EMAIL_JOB, payload: { to: { name: "", address }, subject, text } satisfies EmailJobPayload, dueAt: input.at })),
    );
  }
  const wantedUsers = [...new Set(input.users)];
  const wantedGroups = [...new Set(input.groups)];
  if (wantedUsers.length === 0 && wantedGroups.length === 0) return { recipients: [], emailed: outside, unknown: [] };

  const person = { id: users.id, username: users.username, displayName: users.displayName, email: users.email, disabled: users.disabled };
  const named = wantedUsers.length ? await tx.select(person).from(users).where(inArray(users.username, wantedUsers)) : [];
  const knownGroups = wantedGroups.length
    ? await tx.select({ id: groups.id, key: groups.key }).from(groups).where(inArray(groups.key, wantedGroups))
    : [];
  const members = knownGroups.length
    ? await tx
        .select(person)
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(inArray(memberships.groupId, knownGroups.map((g) => g.id)))
    : [];

  const knownNames = new Set(named.map((u) => u.username));
  const knownKeys = new Set(knownGroups.map((g) => g.key));
  const unknown = [
    ...wantedUsers.filter((u) => !knownNames.has(u)).map((u) => `user "${u}"`),
    ...wantedGroups.filter((g) => !knownKeys.has(g)).map((g) => `group "${g}"`),
  ];
  const people = [...new Map([...named, ...members].filter((p) => !p.disabled).map((p) => [p.id, p])).values()].sort((a, b) =>
    a.username.localeCompare(b.username),
  );
  if (people.length === 0) return { recipients: [], emailed: outside, unknown };

  await tx.insert(notifications).values(
    people.map((p) => ({
      userId: p.id,
      instanceId: input.instanceId,
      taskId: input.taskId ?? null,
      kind: input.kind,
      subject,
      message: input.message,
      createdAt: input.at,
    })),
  );

  const addressed = options.mail ? people.filter((p): p is typeof p & { email: string } => !!p.email?.trim()) : [];
  if (addressed.length > 0) {
    await tx.insert(jobs).values(
      addressed.map((p) => ({
        instanceId: input.instanceId,
        type: EMAIL_JOB,
        payload: { to: { name: p.displayName, address: p.email.trim() }, subject, text } satisfies EmailJobPayload,
        dueAt: input.at,
      })),
    );
  }
  return { recipients: people.map((p) => p.username), emailed: [...addressed.map((p) => p.username), ...outside], unknown };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
