// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the schema
// the existing migrations build (prisma/migrated-schema.prisma) to prisma/schema.prisma.
// Works offline (Prisma 6's WebAssembly differ against a throwaway embedded PostgreSQL).
// Review the SQL, add anything schema.prisma cannot say (CHECKs, triggers), then commit.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { diffSchemas } from "./diff";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>   e.g. npm run db:migration -- add_case_notes");
  process.exit(2);
}

const root = process.cwd();
const schema = path.join(root, "prisma", "schema.prisma");
const snapshot = path.join(root, "prisma", "migrated-schema.prisma");
const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-migration-"));
await fs.chmod(scratchDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: scratchDir });
try {
  await ensureDatabase(postgres.urlFor("postgres"), "scratch");
  const sql = (await diffSchemas({ from: snapshot, to: schema, scratchUrl: postgres.urlFor("scratch") })).trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "migration.sql"), sql + "\n");
    await fs.copyFile(schema, snapshot);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql and updated prisma/migrated-schema.prisma:\n\n${sql}\n`);
    console.log("Review it, then run npm test: the drift test applies it and compares with schema.prisma.");
  }
} finally {
  await postgres.stop();
  await fs.rm(scratchDir, { recursive: true, force: true });
}
