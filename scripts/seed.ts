// npm run db:seed: migrates the database (DATABASE_URL, or the embedded one, running or not)
// and loads a new copy of the demo study into a new project.
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import { demoLogins, loadDemoStudyCopy } from "../lib/demo";

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: process.env.GROUNDED_DATA_DIR ?? path.join(process.cwd(), ".data"), attach: true });
  const url = database.url;
  const applied = await applyMigrations(url);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const prisma = createPrismaClient(url);
  try {
    const started = performance.now();
    const { projectId } = await loadDemoStudyCopy(prisma);
    const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } });
    console.log(`Loaded "${project.name}" (${projectId}) in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
  console.log("\nDemo logins (existing accounts keep their own password):");
  for (const login of demoLogins) console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(32)} ${login.password}  ${login.name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
