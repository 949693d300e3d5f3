// npm run backup -- --project <id> [--out <file>]
// Writes the whole project as one backup archive (.zip: manifest, backup.json, and the
// REFI-QDA project.qde with its sources), signed with this server's secret so a restore on
// this server matches the team by e-mail. A trusted command-line tool: it reads any project.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { resolveAuthSecret } from "../lib/auth/secret";
import { db } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { exportBackup } from "../lib/interop/backup";

const { values } = parseArgs({ options: { project: { type: "string" }, out: { type: "string" } } });
const input = z.object({ project: z.string().trim().min(1), out: z.string().min(1).optional() }).safeParse(values);
if (!input.success) {
  console.error("Usage: npm run backup -- --project ID [--out FILE]");
  process.exit(2);
}

const dataDir = process.env.GROUNDED_DATA_DIR ?? path.join(process.cwd(), ".data");
const database = await openDatabase({ dataDir, attach: true });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = await resolveAuthSecret({ dataDir, externalDatabase: !database.embedded, production: process.env.NODE_ENV === "production" });
  const { project: projectId, out } = input.data;
  const data = await exportBackup(projectId);
  const file = out ?? `${projectId} backup ${new Date().toISOString().slice(0, 10)}.zip`;
  await writeFile(file, data);
  console.log(`Wrote ${file} (${data.length.toLocaleString("en")} bytes).`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
  await database.stop();
}
