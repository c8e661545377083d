import { createContext, useContext } from "react";
import { client } from "../../../api/trpc-client.ts";

/**
 * The `migrations.*` calls of the API contract (packages/api/API.md,
 * "migrations"), spelled out so the wizard depends on the contract; the
 * explicit return types make the compiler compare the router against it.
 */
export type StepMapping = Record<string, string | null>;

export type MigrationChoice = {
  stepId: string;
  name: string;
  kind: string;
  options: { id: string; name: string }[];
  activeInstances: number;
};

export type MigrationCandidate = {
  id: string;
  number: number;
  title: string;
  status: string;
  startedAt: string;
  activeSteps: { stepId: string; name: string }[];
};

export type MigrationProposal = {
  processKey: string;
  from: { version: number; name: string };
  to: { version: number; name: string };
  mapping: StepMapping;
  choices: MigrationChoice[];
  instances: MigrationCandidate[];
};

export type InstanceOutcome = {
  instanceId: string;
  number: number | null;
  title: string;
  outcome: "checked" | "migrated" | "refused" | "failed";
  reasons: string[];
  warnings: string[];
  moves: { from: string; to: string }[];
  draftsKept: number;
};

export type MigrationReport = {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  mapping: StepMapping;
  results: InstanceOutcome[];
};

export type MigrationRequest = { processKey: string; fromVersion: number; toVersion: number; instanceIds: string[]; mapping: StepMapping };

export type MigrationApi = {
  propose: (processKey: string, fromVersion: number, toVersion: number) => Promise<MigrationProposal>;
  check: (request: MigrationRequest) => Promise<MigrationReport>;
  run: (request: MigrationRequest) => Promise<MigrationReport>;
};

export const migrationApi: MigrationApi = {
  propose: (processKey, fromVersion, toVersion): Promise<MigrationProposal> => client.migrations.propose.query({ processKey, fromVersion, toVersion }),
  check: (request): Promise<MigrationReport> => client.migrations.check.mutate(request),
  run: (request): Promise<MigrationReport> => client.migrations.run.mutate(request),
};

/** Where the wizard sends its calls: the server, unless a test provides its own answers. */
export const MigrationApiContext = createContext<MigrationApi>(migrationApi);
export const useMigrationApi = (): MigrationApi => useContext(MigrationApiContext);
