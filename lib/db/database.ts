import path from "node:path";
import { ensureDatabase, runningServerUrl, startEmbeddedPostgres } from "./embedded-postgres";

export type DatabaseHandle = { url: string; embedded: boolean; stop(): Promise<void> };

/**
 * DATABASE_URL when set (a managed PostgreSQL in production: nothing is started);
 * otherwise a PostgreSQL embedded in the app, with its data under `dataDir`/postgres.
 */
export async function openDatabase(opts: {
  dataDir: string;
  log?: (line: string) => void;
  notice?: (line: string) => void;
  /** For command-line tools: use the embedded server of a running app instead of failing. */
  attach?: boolean;
}): Promise<DatabaseHandle> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const running = opts.attach ? await runningServerUrl(path.join(opts.dataDir, "postgres"), "grounded") : null;
  if (running) return { url: running, embedded: true, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "postgres"), log: opts.log, notice: opts.notice });
  try {
    await ensureDatabase(server.urlFor("postgres"), "grounded");
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor("grounded"), embedded: true, stop: () => server.stop() };
}
