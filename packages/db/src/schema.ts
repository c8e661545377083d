import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  check,
  customType,
  foreignKey,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Baton's tables. One schema for embedded PGlite and for PostgreSQL; the
 * migrations in ../migrations are generated from it by drizzle-kit.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const roleEnum = pgEnum("role", ["admin", "analyst", "participant"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  email: text("email"),
  passwordHash: text("password_hash").notNull(),
  role: roleEnum("role").notNull().default("participant"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: createdAt(),
});

export const groups = pgTable("groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] }), index("memberships_group_idx").on(t.groupId)],
);

/** A session is found by the SHA-256 of its cookie token, never the token. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** The editable draft of a process; `version` guards against stale saves. */
export const processDrafts = pgTable("process_drafts", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  definition: jsonb("definition").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
  /** Errors `validate` found when this version was saved (null: saved before the count was kept). */
  errorCount: integer("error_count"),
});

/** A published, immutable runtime package. Never updated after insert. */
export const packageVersions = pgTable(
  "package_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processKey: text("process_key").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    hash: text("hash").notNull(),
    definition: jsonb("definition").notNull(),
    forms: jsonb("forms").notNull(),
    /** The process as BPMN 2.0 XML with diagram, for other tools (null for versions published before it was kept). */
    bpmnXml: text("bpmn_xml"),
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: ts("published_at").notNull().defaultNow(),
    /** A short name the publisher gave the version, e.g. "Q3 pricing" (set when published, never changed). */
    label: text("label"),
    /** What changed, in words (set when published, never changed; null for versions published before notes were kept). */
    releaseNote: text("release_note"),
    /**
     * Where the content came from when it was not a draft: `{ rolledBackTo: 2 }`,
     * or `{ imported: { version, hash, publishedBy, publishedAt } }` from a package file.
     */
    origin: jsonb("origin"),
  },
  (t) => [
    uniqueIndex("package_versions_key_version_idx").on(t.processKey, t.version),
    // Not unique: a rollback republishes an older version's content (same hash) as a new number.
    index("package_versions_key_hash_idx").on(t.processKey, t.hash),
  ],
);

/**
 * A deprecated version: no new instances start on it; those running go on.
 * Lives apart from the immutable package row; removing the row undoes it.
 */
export const versionDeprecations = pgTable(
  "version_deprecations",
  {
    processKey: text("process_key").notNull(),
    version: integer("version").notNull(),
    reason: text("reason").notNull().default(""),
    deprecatedBy: uuid("deprecated_by").references(() => users.id),
    deprecatedAt: ts("deprecated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.processKey, t.version] }),
    foreignKey({ columns: [t.processKey, t.version], foreignColumns: [packageVersions.processKey, packageVersions.version] }),
  ],
);

/** An archived process: nobody starts it and the portal no longer lists it; admins still see it and its instances. */
export const processArchives = pgTable("process_archives", {
  processKey: text("process_key").primaryKey(),
  reason: text("reason").notNull().default(""),
  archivedBy: uuid("archived_by").references(() => users.id),
  archivedAt: ts("archived_at").notNull().defaultNow(),
});

export const instanceStatusEnum = pgEnum("instance_status", ["running", "completed", "incident", "cancelled"]);

export const instances = pgTable(
  "instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Human number per instance, for titles like "#12". */
    number: bigserial("number", { mode: "number" }).notNull(),
    packageVersionId: uuid("package_version_id").notNull().references(() => packageVersions.id),
    processKey: text("process_key").notNull(),
    title: text("title").notNull(),
    status: instanceStatusEnum("status").notNull().default("running"),
    /** The engine's state (plain JSON, with its own stateVersion). */
    state: jsonb("state").notNull(),
    variables: jsonb("variables").notNull().default(sql`'{}'::jsonb`),
    startedBy: uuid("started_by").notNull().references(() => users.id),
    startedAt: ts("started_at").notNull().defaultNow(),
    endedAt: ts("ended_at"),
    /** Bumped on every engine step. */
    revision: integer("revision").notNull().default(1),
    /** The instance whose call activity started this one (absent: started on its own). */
    parentInstanceId: uuid("parent_instance_id").references((): AnyPgColumn => instances.id),
    /** The parent's token waiting at that call activity; set exactly when `parentInstanceId` is. */
    parentTokenId: text("parent_token_id"),
  },
  (t) => [
    index("instances_started_by_idx").on(t.startedBy),
    index("instances_process_idx").on(t.processKey, t.status),
    index("instances_parent_idx").on(t.parentInstanceId, t.parentTokenId),
    check("instances_parent_token_check", sql`(${t.parentInstanceId} IS NULL) = (${t.parentTokenId} IS NULL)`),
  ],
);

export const taskStatusEnum = pgEnum("task_status", ["open", "completed", "cancelled"]);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instanceId: uuid("instance_id").notNull().references(() => instances.id),
    tokenId: text("token_id").notNull(),
    stepId: text("step_id").notNull(),
    name: text("name").notNull(),
    status: taskStatusEnum("status").notNull().default("open"),
    assigneeId: uuid("assignee_id").references(() => users.id),
    candidateGroupId: uuid("candidate_group_id").references(() => groups.id),
    dueAt: ts("due_at"),
    /** The last escalation level that fired while the task was open (0: none). */
    escalationLevel: integer("escalation_level").notNull().default(0),
    createdAt: createdAt(),
    completedAt: ts("completed_at"),
    completedBy: uuid("completed_by").references(() => users.id),
    /** What was submitted on completion (validated). */
    submitted: jsonb("submitted"),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.status),
    index("tasks_group_idx").on(t.candidateGroupId, t.status),
    index("tasks_instance_idx").on(t.instanceId),
  ],
);

/**
 * Where round robin stands for one process step and group: the member who
 * got its last task. The runtime locks the row (FOR UPDATE) while it picks
 * the next member, so concurrent starts on PostgreSQL take turns instead
 * of handing two tasks in a row to the same person; least loaded takes the
 * same lock and uses the row to break ties in turn.
 */
export const assignmentCursors = pgTable(
  "assignment_cursors",
  {
    processKey: text("process_key").notNull(),
    stepId: text("step_id").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The user name of the member who got the last task (null: none yet). */
    lastUsername: text("last_username"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.processKey, t.stepId, t.groupId] })],
);

/** Form data a participant typed, not yet part of the instance. */
export const taskDrafts = pgTable("task_drafts", {
  taskId: uuid("task_id").primaryKey().references(() => tasks.id, { onDelete: "cascade" }),
  data: jsonb("data").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").notNull().references(() => users.id),
});

/**
 * A start form a participant began filling in, one per user and process:
 * there is no instance yet, so it is keyed by who and what. Starting the
 * process deletes it in the same transaction. `version` guards against
 * stale saves, like task drafts.
 */
export const startDrafts = pgTable(
  "start_drafts",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    processKey: text("process_key").notNull(),
    data: jsonb("data").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.processKey] })],
);

export const jobStatusEnum = pgEnum("job_status", ["pending", "done", "failed"]);

/**
 * Timers, escalations, service calls, e-mails: rows with a due time, taken
 * with FOR UPDATE SKIP LOCKED by any number of workers. `ref` is what the
 * job is about when something may cancel it (an engine timer's id).
 * `maxAttempts` is the job's own limit (a service call's retries + 1);
 * null means the worker's setting.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instanceId: uuid("instance_id").references(() => instances.id),
    type: text("type").notNull(),
    ref: text("ref"),
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    status: jobStatusEnum("status").notNull().default("pending"),
    dueAt: ts("due_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.dueAt), index("jobs_ref_idx").on(t.ref)],
);

/**
 * A token waiting for a message (the engine's `waitForMessage`, gone again
 * with `stopWaiting` or when the message is delivered): which instance,
 * token and step, the message's name and the correlation key worked out
 * when the token arrived. Messages are looked up by (name, key), oldest first.
 */
export const messageSubscriptions = pgTable(
  "message_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => instances.id),
    tokenId: text("token_id").notNull(),
    stepId: text("step_id").notNull(),
    messageName: text("message_name").notNull(),
    correlationKey: text("correlation_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("message_subscriptions_name_key_idx").on(t.messageName, t.correlationKey, t.createdAt),
    uniqueIndex("message_subscriptions_token_step_idx").on(t.instanceId, t.tokenId, t.stepId),
  ],
);

/**
 * What starts a process besides people and the API: a message or a timer
 * (the start step's trigger), one row per process, for its LATEST published
 * version only (publishing replaces it). `activatedBy` published that
 * version; timer-started instances are started by them.
 */
export const startTriggers = pgTable(
  "start_triggers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processKey: text("process_key").notNull(),
    packageVersionId: uuid("package_version_id")
      .notNull()
      .references(() => packageVersions.id),
    type: text("type").notNull(),
    messageName: text("message_name"),
    /** The start's timer trigger (`{ type: "cycle", cycle }` or `{ type: "date", date }`). */
    timer: jsonb("timer"),
    activatedBy: uuid("activated_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("start_triggers_process_key_idx").on(t.processKey),
    index("start_triggers_message_idx").on(t.messageName),
    check("start_triggers_type_check", sql`(${t.type} = 'message' AND ${t.messageName} IS NOT NULL) OR (${t.type} = 'timer' AND ${t.timer} IS NOT NULL)`),
  ],
);

/**
 * In-app notifications (the portal's bell): one row per recipient, so
 * reading one marks it read for that person only. Alerts to a group are
 * expanded to its members when they are sent.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id").references(() => instances.id),
    taskId: uuid("task_id").references(() => tasks.id),
    /** `alert` (a notify step), `reminder` or `escalation` (a late task). */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    message: text("message").notNull().default(""),
    createdAt: createdAt(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/** The protocol: every change to an instance, append-only. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    instanceId: uuid("instance_id").references(() => instances.id),
    taskId: uuid("task_id"),
    actorId: uuid("actor_id").references(() => users.id),
    type: text("type").notNull(),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [index("audit_instance_idx").on(t.instanceId, t.id)],
);

/**
 * The shared library of process blocks (fragments inserted from the studio
 * palette). Each save adds a version; a version is never changed after
 * insert, so a process can always say which block version it was built
 * from. `content` is the block document (`@baton/model` Block).
 */
export const processBlocks = pgTable(
  "process_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    content: jsonb("content").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("process_blocks_key_version_idx").on(t.key, t.version)],
);

/**
 * The shared library of form blocks (groups of fields such as "Customer
 * contact" inserted into any step's form). Versioned and immutable like
 * process blocks: a form records the block version it was built from, and a
 * published package keeps the fields it sealed. `content` is the form block
 * document (`@baton/model` FormBlockDocument).
 */
export const formBlocks = pgTable(
  "form_blocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    content: jsonb("content").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("form_blocks_key_version_idx").on(t.key, t.version)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Files participants attach to a form (an attachment field's value names
 * them by id). Uploaded into a task's (or a start form's) context first;
 * linked to the instance when the form is submitted. The bytes live in
 * PostgreSQL, like everything else; the size limit is checked on upload.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").notNull().references(() => users.id),
    uploadedAt: ts("uploaded_at").notNull().defaultNow(),
    /** The task whose form it was uploaded for (null: a start form). */
    taskId: uuid("task_id").references(() => tasks.id),
    /** The process whose start form it was uploaded for, when not for a task. */
    processKey: text("process_key"),
    /** Set when the submitted form that names it reaches an instance. */
    instanceId: uuid("instance_id").references(() => instances.id),
  },
  (t) => [index("attachments_task_idx").on(t.taskId), index("attachments_instance_idx").on(t.instanceId)],
);

/**
 * Who besides admins may publish a process: an admin's grant to one
 * analyst for one process key. The analyst who publishes a key's first
 * version is granted it then (they created the process).
 */
export const processPublishers = pgTable(
  "process_publishers",
  {
    processKey: text("process_key").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").references(() => users.id),
    grantedAt: ts("granted_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.processKey, t.userId] })],
);

/**
 * Personal API tokens: how an outside system (a payment provider, a web
 * shop) calls Baton as one user without a browser session. Only the
 * SHA-256 of the secret is stored; `prefix` (its first characters) lets a
 * person tell their tokens apart.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id),
    lastUsedAt: ts("last_used_at"),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
