// npm run refi:export -- --project <id> [--codebook] [--out <file>]
// Writes the project as a REFI-QDA .qdpx (or its codebook as a .qdc) for NVivo, ATLAS.ti,
// MAXQDA and QualCoder. A trusted command-line tool: it reads any project, like the database does.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withDatabase } from "./with-database";
import { exportCodebookQdc, exportProjectQdpx } from "../lib/interop/refi/api";

const { values } = parseArgs({ options: { project: { type: "string" }, codebook: { type: "boolean", default: false }, out: { type: "string" } } });
const input = z.object({ project: z.string().trim().min(1), codebook: z.boolean(), out: z.string().min(1).optional() }).safeParse(values);
if (!input.success) {
  console.error("Usage: npm run refi:export -- --project ID [--codebook] [--out FILE]");
  process.exit(2);
}

await withDatabase("Export failed", async () => {
  const { project: projectId, codebook, out } = input.data;
  const data = codebook ? new TextEncoder().encode(await exportCodebookQdc(projectId)) : await exportProjectQdpx(projectId);
  const file = out ?? `${projectId}${codebook ? ".qdc" : ".qdpx"}`;
  await writeFile(file, data);
  console.log(`Wrote ${file} (${data.length.toLocaleString("en")} bytes).`);
});
