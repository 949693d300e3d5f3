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
 * databases), otherwise an embedded server under .data/test-postgres. Each test file then
 * makes its own database on it (tests/db/helpers/test-database.ts).
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("adminDatabaseUrl", given);
    return;
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(process.cwd(), ".data", "test-postgres") });
  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  return () => server.stop();
}
