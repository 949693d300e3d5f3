import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient } from "../../../lib/db/client";
import { applyMigrations } from "../../../lib/db/migrate";

/** Creates an empty database on the test server and returns its URL. */
export async function createEmptyDatabase(prefix = "t"): Promise<string> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();
  afterAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * This test file's own database, migrated as in production, made the app's database
 * (DATABASE_URL) so lib/ code under test uses it.
 */
export async function useTestDatabase() {
  const url = await createEmptyDatabase();
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  (globalThis as { groundedPrisma?: unknown }).groundedPrisma = undefined;
  const prisma = createPrismaClient(url);
  afterAll(() => prisma.$disconnect());
  return { url, prisma };
}
