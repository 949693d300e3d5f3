// npm run backup -- --project <id> [--out <file>]
// Writes the whole project as one backup archive (.zip: manifest, backup.json, and the
// REFI-QDA project.qde with its sources), signed with this server's secret so a restore on
// this server matches the team by e-mail. A trusted command-line tool: it reads any project.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withDatabase } from "./with-database";
import { exportBackup } from "../lib/interop/backup";

const { values } = parseArgs({ options: { project: { type: "string" }, out: { type: "string" } } });
const input = z.object({ project: z.string().trim().min(1), out: z.string().min(1).optional() }).safeParse(values);
if (!input.success) {
  console.error("Usage: npm run backup -- --project ID [--out FILE]");
  process.exit(2);
}

await withDatabase("Backup failed", async () => {
  const { project: projectId, out } = input.data;
  const data = await exportBackup(projectId);
  const file = out ?? `${projectId} backup ${new Date().toISOString().slice(0, 10)}.zip`;
  await writeFile(file, data);
  console.log(`Wrote ${file} (${data.length.toLocaleString("en")} bytes).`);
}, { authSecret: true });
