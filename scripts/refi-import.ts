// npm run refi:import -- --user <email> [--into <projectId>] [--name "Project name"] <file.qdpx|file.qdc>
// Imports a REFI-QDA project (.qdpx) as a new project owned by --user, or a codebook (.qdc)
// as a new project or, with --into, into an existing project that --user owns; prints the
// import summary. The same checks and limits as an upload in the app.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "../lib/db/client";
import { importQdc, importQdpx } from "../lib/interop/refi/api";
import { formatBytes, REFI_IMPORT_LIMITS } from "../lib/interop/refi/limits";
import { sniffFile } from "../lib/interop/refi/sniff";
import { withDatabase } from "./with-database";
import { notImportedHeadline, type ImportSummary } from "../lib/interop/refi/summary";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { user: { type: "string" }, into: { type: "string" }, name: { type: "string" } },
});
const input = z
  .object({ user: z.string().trim().toLowerCase().email(), into: z.string().trim().min(1).optional(), name: z.string().trim().min(1).optional(), file: z.string().min(1) })
  .safeParse({ ...values, file: positionals[0] });
if (!input.success || positionals.length !== 1) {
  console.error('Usage: npm run refi:import -- --user EMAIL [--into PROJECT_ID] [--name "Project name"] FILE.qdpx|FILE.qdc');
  process.exit(2);
}

const { user: email, into, name, file } = input.data;
const fileName = path.basename(file);
const size = (await stat(file)).size;
if (size > REFI_IMPORT_LIMITS.maxUploadBytes) {
  console.error(`${fileName}: is ${formatBytes(size)}; the largest file we accept is ${formatBytes(REFI_IMPORT_LIMITS.maxUploadBytes)}.`);
  process.exit(1);
}

await withDatabase("Import failed", async () => {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabled: true } });
  if (!user || user.disabled) throw new Error(`No active account has the e-mail ${email}.`);
  const bytes = new Uint8Array(await readFile(file));
  const ctx = { user: { id: user.id, email: user.email, name: user.name } };
  // A zip is a project; anything else is read as a codebook (the importers say what is wrong with it).
  const summary = sniffFile(bytes) === "zip" ? await importQdpx(ctx, bytes, fileName, { projectName: name }) : await importQdc(ctx, bytes, fileName, { intoProjectId: into, projectName: name });
  printSummary(summary);
});

function printSummary(summary: ImportSummary): void {
  const { counts } = summary;
  const verb = summary.mode === "codebook-merge" ? "Merged into" : "Imported as";
  console.log(`${verb} "${summary.projectName}" (${summary.projectId})${summary.origin ? `, made by ${summary.origin}` : ""}.`);
  console.log(`  ${notImportedHeadline(summary.notImported)}`);
  console.log(`  ${counts.sources} source(s), ${counts.codes} new code(s), ${counts.codings} coding(s), ${counts.users} user(s), ${counts.cases} case(s), ${counts.variables} variable(s), ${counts.memos} memo(s).`);
  if (summary.matchedCodes) console.log(`  Matched existing codes: ${summary.matchedCodes.byGuid} by GUID, ${summary.matchedCodes.byName} by name.`);
  for (const user of summary.users) console.log(`  user ${user.name} <${user.email}> (${user.kind}): ${user.codings} coding(s)`);
  for (const source of summary.sources) {
    console.log(`  source "${source.title}": ${source.characters} characters, ${source.codings} coding(s)${source.positions?.own ? `; its own evidence overrode the file's: positions read as ${source.positions.convention}` : ""}`);
  }
  const positions = summary.positions;
  if (positions) {
    console.log(`\n${positions.explanation}${positions.strength === "weak" ? " The evidence is weak: check these passages." : ""}`);
    for (const s of positions.sample) console.log(`  sample: "${s.source}" [${s.codes}] ${JSON.stringify(s.quote)}`);
    for (const a of positions.ambiguous) console.log(`  depends on the reading: "${a.source}" [${a.codes}] (${a.coders}) ${JSON.stringify(a.chosen)} or else ${a.alternative === null ? "outside the text" : JSON.stringify(a.alternative)}`);
    if (positions.ambiguousTotal > positions.ambiguous.length && positions.strength === "weak") console.log(`  ... and ${positions.ambiguousTotal - positions.ambiguous.length} more`);
  }
  if (summary.warnings.length > 0) console.log(`\n${summary.warnings.length} warning(s):`);
  for (const warning of summary.warnings) console.log(`  [${warning.kind}] ${warning.message}`);
}
