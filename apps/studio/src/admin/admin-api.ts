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
};
export type ProcessOverview = { key: string; name: string; hasDraft: boolean; versions: VersionOverview[] };
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
  retryIncident: (instanceId: string, incidentId: string) => Promise<IncidentActionResult>;
  skipIncident: (instanceId: string, incidentId: string) => Promise<IncidentActionResult>;
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
  retryIncident: (instanceId, incidentId): Promise<IncidentActionResult> => client.incidents.retry.mutate({ instanceId, incidentId }),
  skipIncident: (instanceId, incidentId): Promise<IncidentActionResult> => client.incidents.skip.mutate({ instanceId, incidentId }),
};

/** Cache keys of the admin console, under the studio's prefix (cleared on sign-out). */
export const adminQueryKeys = {
  all: ["studio", "admin"] as const,
  people: ["studio", "admin", "people"] as const,
  processes: ["studio", "admin", "processes"] as const,
  publishers: ["studio", "admin", "publishers"] as const,
  incidents: ["studio", "admin", "incidents"] as const,
};
