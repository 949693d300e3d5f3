// npm run refi:export -- --project <id> [--codebook] [--target standard|nvivo|atlasti|maxqda|qualcoder] [--out <file>]
// Writes the project as a REFI-QDA .qdpx (or its codebook as a .qdc) for NVivo, ATLAS.ti,
// MAXQDA and QualCoder; --target counts positions as that tool does (lib/interop/refi/export-targets.ts). A trusted command-line tool: it reads any project, like the database does.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withDatabase } from "./with-database";
import { exportCodebookQdc, exportProjectQdpx } from "../lib/interop/refi/api";
import { DEFAULT_EXPORT_TARGET, EXPORT_TARGETS } from "../lib/interop/refi/export-targets";

const { values } = parseArgs({ options: { project: { type: "string" }, codebook: { type: "boolean", default: false }, target: { type: "string" }, out: { type: "string" } } });
const input = z.object({ project: z.string().trim().min(1), codebook: z.boolean(), target: z.enum(EXPORT_TARGETS).default(DEFAULT_EXPORT_TARGET), out: z.string().min(1).optional() }).safeParse(values);
if (!input.success) {
  console.error(`Usage: npm run refi:export -- --project ID [--codebook] [--target ${EXPORT_TARGETS.join("|")}] [--out FILE]`);
  process.exit(2);
}

await withDatabase("Export failed", async () => {
  const { project: projectId, codebook, target, out } = input.data;
  const data = codebook ? new TextEncoder().encode(await exportCodebookQdc(projectId)) : await exportProjectQdpx(projectId, undefined, target);
  const file = out ?? `${projectId}${codebook ? ".qdc" : ".qdpx"}`;
  await writeFile(file, data);
  console.log(`Wrote ${file} (${data.length.toLocaleString("en")} bytes).`);
});
