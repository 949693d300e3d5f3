import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";

export type DatabaseHandle = { url: string; embedded: boolean; stop(): Promise<void> };

/**
 * DATABASE_URL when set (a managed PostgreSQL in production: nothing is started);
 * otherwise a PostgreSQL embedded in the app, with its data under `dataDir`/postgres.
 */
export async function openDatabase(opts: { dataDir: string; log?: (line: string) => void }): Promise<DatabaseHandle> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "postgres"), log: opts.log });
  try {
    await ensureDatabase(server.urlFor("postgres"), "grounded");
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor("grounded"), embedded: true, stop: () => server.stop() };
}
