/** Every cache key in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  me: ["me"] as const,
  processes: ["studio", "processes"] as const,
  directory: ["studio", "directory"] as const,
  /** Prefix of everything about one process: invalidated after a publish. */
  process: (key: string) => ["studio", "process", key] as const,
  draft: (key: string) => ["studio", "process", key, "draft"] as const,
  versions: (key: string) => ["studio", "process", key, "versions"] as const,
  version: (key: string, version: number) => ["studio", "process", key, "version", version] as const,
};
