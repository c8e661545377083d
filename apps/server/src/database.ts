import { openDatabase, type DatabaseHandle } from "@baton/db";
import type { Env } from "./env.ts";

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(env: Env): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
