import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given (a role that may create
 * databases), otherwise an embedded server in a temporary folder of this run's own (so
 * several runs can go at once; initdb takes about a second). Each test file then makes
 * its own database on it (tests/db/helpers/test-database.ts).
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("adminDatabaseUrl", given);
    return;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-test-pg-"));
  await fs.chmod(dataDir, 0o711); // reachable by the "postgres" user when tests run as root
  const server = await startEmbeddedPostgres({ dataDir });
  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
