import type { DiffMarker, PackageDiff, PackageFile } from "@baton/model";
import { client } from "../api/trpc-client.ts";
import type { Role } from "../api/studio-types.ts";

/**
 * The `admin.*` and `incidents.*` calls of the API contract (packages/api/API.md,
 * "admin"), spelled out so the admin console depends on the contract; the
 * explicit return types make the compiler compare the router against it.
 */
export type AdminUser = {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  groups: string[];
  createdAt: string;
};
export type AdminGroup = { key: string; name: string; members: string[] };
export type People = { users: AdminUser[]; groups: AdminGroup[] };

export type NewUser = { username: string; displayName: string; email: string | null; role: Role; groups: string[]; password?: string };
export type UserEdit = { username: string; displayName: string; email: string | null; role: Role };
/** A password the server set: shown once, then forgotten. */
export type OneTimePassword = { username: string; password: string };

export type VersionOverview = {
  version: number;
  name: string;
  hash: string;
  publishedAt: string;
  publishedBy: string | null;
  running: number;
  finished: number;
  label: string | null;
  releaseNote: string | null;
  origin: VersionOrigin | null;
  /** The reason ("" when none was given) when deprecated, else null. */
  deprecated: string | null;
};
export type VersionOrigin = { rolledBackTo?: number; imported?: { version: number; hash: string; publishedBy: string | null; publishedAt: string } };
/** `archived`: the reason ("" when none was given) when archived, else null. */
export type ProcessOverview = { key: string; name: string; hasDraft: boolean; archived: string | null; versions: VersionOverview[] };

/** `versions.diff`: one side of the comparison, with its diagram and highlights. */
export type VersionSide = {
  version: number;
  name: string;
  hash: string;
  label: string | null;
  releaseNote: string | null;
  bpmnXml: string | null;
  deprecated: string | null;
  publishedAt: string;
  publishedBy: string | null;
  markers: Record<string, DiffMarker>;
};
export type VersionDiff = { processKey: string; from: VersionSide; to: VersionSide; diff: PackageDiff; releaseNote: string };
export type DraftDiff = { latest: number | null; diff: PackageDiff | null; releaseNote: string };
export type PublishResult = { processKey: string; version: number; hash: string; created: boolean };
export type ImportResult = PublishResult & { fileVersion: number };
export type ProcessPublisher = { username: string; displayName: string; grantedBy: string | null; grantedAt: string };

export type OpenIncident = {
  incidentId: string;
  instanceId: string;
  instanceTitle: string;
  processKey: string;
  processName: string;
  version: number;
  stepId: string;
  stepName: string;
  stepKind: string | null;
  code: string;
  message: string;
  since: string;
};
export type IncidentActionResult = { instanceId: string; status: string };

export type InstanceStatus = "running" | "incident" | "completed" | "cancelled";
/** `active`: running or stopped by an incident. */
export type InstanceStatusFilter = "active" | "all" | InstanceStatus;
export type InstancesQuery = { processKey: string; status: InstanceStatusFilter; version?: number; limit: number; offset: number };
export type ProcessInstance = {
  id: string;
  number: number;
  title: string;
  version: number;
  status: InstanceStatus;
  currentSteps: { stepId: string; name: string }[];
  startedAt: string;
  startedBy: string;
  startedByName: string;
  updatedAt: string;
  endedAt: string | null;
  /** The instance whose call activity started this one: cancelling that one stops both. */
  calledBy: { id: string; number: number } | null;
};
export type InstancesPage = { instances: ProcessInstance[]; total: number; limit: number; offset: number; nextOffset: number | null };
export type CancelResult = { instanceId: string; cancelled: string[] };

/** A personal API token as listed (`apiTokens.*`): never its secret. */
export type ApiTokenStatus = "active" | "expired" | "revoked";
export type ApiToken = {
  id: string;
  username: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
};
export type NewApiToken = { username: string; name: string; expiresInDays: number | null };
/** The answer to creating a token: the only time `secret` is ever seen. */
export type CreatedApiToken = { token: ApiToken; secret: string };

type Ok = Promise<{ ok: true }>;

export type AdminApi = {
  people: () => Promise<People>;
  createUser: (input: NewUser) => Promise<OneTimePassword>;
  updateUser: (input: UserEdit) => Ok;
  setUserDisabled: (username: string, disabled: boolean) => Ok;
  resetPassword: (username: string, password?: string) => Promise<OneTimePassword>;
  createGroup: (key: string, name: string) => Ok;
  setMembership: (username: string, group: string, member: boolean) => Ok;
  processes: () => Promise<ProcessOverview[]>;
  publishers: () => Promise<Record<string, ProcessPublisher[]>>;
  setPublisher: (processKey: string, username: string, allowed: boolean) => Ok;
  incidents: () => Promise<OpenIncident[]>;
  versionDiff: (key: string, from: number, to: number) => Promise<VersionDiff>;
  draftDiff: (key: string) => Promise<DraftDiff>;
  publishDraft: (key: string, label: string, releaseNote: string) => Promise<PublishResult>;
  deprecate: (key: string, version: number, reason: string) => Promise<{ running: number }>;
  undeprecate: (key: string, version: number) => Ok;
  rollback: (key: string, version: number, reason: string) => Promise<PublishResult>;
  archive: (key: string, reason: string) => Ok;
  unarchive: (key: string) => Ok;
  exportPackage: (key: string, version: number) => Promise<PackageFile>;
  importPackage: (file: unknown) => Promise<ImportResult>;
  retryIncident: (instanceId: string, incidentId: string) => Promise<IncidentActionResult>;
  skipIncident: (instanceId: string, incidentId: string) => Promise<IncidentActionResult>;
  instances: (query: InstancesQuery) => Promise<InstancesPage>;
  cancelInstance: (instanceId: string, reason: string) => Promise<CancelResult>;
  apiTokens: (username: string) => Promise<ApiToken[]>;
  createApiToken: (input: NewApiToken) => Promise<CreatedApiToken>;
  revokeApiToken: (id: string) => Promise<ApiToken>;
};

export const adminApi: AdminApi = {
  people: (): Promise<People> => client.admin.people.query(),
  createUser: (input: NewUser): Promise<OneTimePassword> => client.admin.createUser.mutate(input),
  updateUser: (input: UserEdit): Ok => client.admin.updateUser.mutate(input),
  setUserDisabled: (username, disabled): Ok => client.admin.setUserDisabled.mutate({ username, disabled }),
  resetPassword: (username, password): Promise<OneTimePassword> => client.admin.resetPassword.mutate(password === undefined ? { username } : { username, password }),
  createGroup: (key, name): Ok => client.admin.createGroup.mutate({ key, name }),
  setMembership: (username, group, member): Ok => client.admin.setMembership.mutate({ username, group, member }),
  processes: (): Promise<ProcessOverview[]> => client.admin.processes.query(),
  publishers: (): Promise<Record<string, ProcessPublisher[]>> => client.admin.publishers.query(),
  setPublisher: (processKey, username, allowed): Ok => client.admin.setPublisher.mutate({ processKey, username, allowed }),
  incidents: (): Promise<OpenIncident[]> => client.admin.incidents.query(),
  versionDiff: (key, from, to): Promise<VersionDiff> => client.versions.diff.query({ key, from, to }),
  draftDiff: (key): Promise<DraftDiff> => client.versions.draftDiff.query({ key }),
  publishDraft: (key, label, releaseNote): Promise<PublishResult> => client.versions.publish.mutate({ key, label, releaseNote }),
  deprecate: (key, version, reason): Promise<{ running: number }> => client.versions.deprecate.mutate({ key, version, reason }),
  undeprecate: (key, version): Ok => client.versions.undeprecate.mutate({ key, version }),
  rollback: (key, version, reason): Promise<PublishResult> => client.versions.rollback.mutate({ key, version, reason }),
  archive: (key, reason): Ok => client.versions.archive.mutate({ key, reason }),
  unarchive: (key): Ok => client.versions.unarchive.mutate({ key }),
  exportPackage: (key, version): Promise<PackageFile> => client.versions.exportPackage.query({ key, version }),
  importPackage: (file): Promise<ImportResult> => client.versions.importPackage.mutate({ file }),
  retryIncident: (instanceId, incidentId): Promise<IncidentActionResult> => client.incidents.retry.mutate({ instanceId, incidentId }),
  skipIncident: (instanceId, incidentId): Promise<IncidentActionResult> => client.incidents.skip.mutate({ instanceId, incidentId }),
  instances: (query): Promise<InstancesPage> => client.admin.instances.query(query),
  cancelInstance: (instanceId, reason): Promise<CancelResult> => client.admin.cancelInstance.mutate({ instanceId, reason }),
  apiTokens: (username): Promise<ApiToken[]> => client.apiTokens.list.query({ username }),
  createApiToken: (input): Promise<CreatedApiToken> => client.apiTokens.create.mutate(input),
  revokeApiToken: (id): Promise<ApiToken> => client.apiTokens.revoke.mutate({ id }),
};

/** Cache keys of the admin console, under the studio's prefix (cleared on sign-out). */
export const adminQueryKeys = {
  all: ["studio", "admin"] as const,
  people: ["studio", "admin", "people"] as const,
  processes: ["studio", "admin", "processes"] as const,
  publishers: ["studio", "admin", "publishers"] as const,
  incidents: ["studio", "admin", "incidents"] as const,
  instances: (query: InstancesQuery) => ["studio", "admin", "instances", query] as const,
  apiTokens: (username: string) => ["studio", "admin", "api-tokens", username] as const,
  versionDiff: (key: string, from: number, to: number) => ["studio", "admin", "version-diff", key, from, to] as const,
  draftDiff: (key: string) => ["studio", "admin", "draft-diff", key] as const,
};
