import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient, db } from "../../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../../lib/db/embedded-postgres";
import { applyMigrations } from "../../../lib/db/migrate";
import { loadDemoStudy } from "../../../lib/demo";
import { seedBlindStudy } from "./blind-study";
import { seedE2eFixtures } from "./fixtures";
import { startApp } from "./start-app";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    fixtures: Awaited<ReturnType<typeof seedE2eFixtures>>;
    demoProjectId: string;
    blindStudy: Awaited<ReturnType<typeof seedBlindStudy>>;
    /** The app's database and secret, for a test that starts a second app instance on it. */
    appDatabase: { url: string; secret: string };
  }
}

/** Runs lib/ code that opens the app's client (db()) against `url`, leaving no trace in this process's environment. */
async function withAppDatabase<T>(url: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    return await run();
  } finally {
    await db().$disconnect();
    (globalThis as { groundedPrisma?: unknown }).groundedPrisma = undefined;
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-e2e-"));
  await fs.chmod(dataDir, 0o711); // reachable by the "postgres" user when tests run as root
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  const url = postgres.urlFor("grounded");
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const fixtures = await seedE2eFixtures(prisma);
  const demo = await loadDemoStudy(prisma);
  const blindStudy = await withAppDatabase(url, () => seedBlindStudy(prisma));
  await prisma.$disconnect();

  const secret = "e2e-secret-that-is-at-least-32-characters";
  const app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: secret, GROUNDED_DATA_DIR: dataDir });
  project.provide("appDatabase", { url, secret });
  project.provide("appUrl", app.url);
  project.provide("fixtures", fixtures);
  project.provide("demoProjectId", demo.projectId);
  project.provide("blindStudy", blindStudy);

  return async () => {
    await app.stop();
    await postgres.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
