// npm run restore -- --user <email> [--trust-archive] <backup.zip>
// Restores a backup archive as a new project owned by --user and prints what it holds. The
// team is matched to accounts by e-mail when this server signed the archive; --trust-archive
// matches them for any archive (for whoever runs the server, moving a project between
// servers); everyone else becomes a placeholder who cannot sign in.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "../lib/db/client";
import { restoreBackup } from "../lib/interop/backup";
import { withDatabase } from "./with-database";
import { formatBytes, REFI_IMPORT_LIMITS } from "../lib/interop/refi/limits";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { user: { type: "string" }, "trust-archive": { type: "boolean", default: false } } });
const input = z.object({ user: z.string().trim().toLowerCase().email(), "trust-archive": z.boolean(), file: z.string().min(1) }).safeParse({ ...values, file: positionals[0] });
if (!input.success || positionals.length !== 1) {
  console.error("Usage: npm run restore -- --user EMAIL [--trust-archive] FILE.zip");
  process.exit(2);
}

const { user: email, file } = input.data;
const fileName = path.basename(file);
const size = (await stat(file)).size;
if (size > REFI_IMPORT_LIMITS.maxUploadBytes) {
  console.error(`${fileName}: is ${formatBytes(size)}; the largest file we accept is ${formatBytes(REFI_IMPORT_LIMITS.maxUploadBytes)}.`);
  process.exit(1);
}

await withDatabase("Restore failed", async () => {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabled: true } });
  if (!user || user.disabled) throw new Error(`No active account has the e-mail ${email}.`);
  const summary = await restoreBackup({ id: user.id, email: user.email, name: user.name }, new Uint8Array(await readFile(file)), fileName, { trustArchive: input.data["trust-archive"] }, async (done, total, step) => {
    console.log(`  [${done + 1}/${total}] ${step}`);
  });
  console.log(`Restored "${summary.projectName}" (${summary.projectId}) from the backup of ${summary.backupCreatedAt}.`);
  console.log(`  ${Object.entries(summary.counts).map(([what, n]) => `${n} ${what}`).join(", ")}.`);
  for (const u of summary.users) console.log(`  ${u.name} <${u.email}>: ${u.kind}${u.role ? `, ${u.role}` : ""}`);
  for (const warning of summary.warnings) console.log(`  warning: ${warning}`);
}, { authSecret: true });
