// npm run import -- --project <id> [--as owner@example.org] [--case-per-file] files...
// Imports transcripts as the preview page would with its defaults: title from the file name,
// speakers as found (interviewer-like labels marked), one new case per file named like it
// (or the existing case of that name). All files or none.
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { authorizeProject } from "../lib/auth/project-access";
import { db } from "../lib/db/client";
import { importTranscripts } from "../lib/documents/import";
import { defaultSpeakerMapping, defaultTitle } from "../lib/documents/import-schema";
import { parseTranscriptFile } from "../lib/interop/transcripts";
import { withDatabase } from "./with-database";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { project: { type: "string" }, as: { type: "string" } } });
if (!values.project || positionals.length === 0) {
  console.error("Usage: npm run import -- --project <project id> [--as owner-email] file.docx file.vtt ...");
  process.exit(2);
}
const projectId = values.project;

await withDatabase("Nothing was imported", async () => {
  const owner = await db().membership.findFirst({
    where: { projectId: projectId, role: "owner", ...(values.as ? { user: { email: values.as.toLowerCase() } } : {}) },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!owner) throw new Error(values.as ? `${values.as} is not an owner of project ${projectId}.` : `Project ${projectId} was not found, or has no owner.`);
  const ctx = await authorizeProject(owner.user, projectId, "owner");
  const cases = await db().case.findMany({ where: { projectId: projectId }, select: { id: true, name: true } });
  const files = [];
  for (const file of positionals) {
    const parsed = await parseTranscriptFile(path.basename(file), new Uint8Array(await fs.readFile(file)));
    parsed.warnings.forEach((w) => console.warn(`${parsed.fileName}: ${w}`));
    const title = defaultTitle(parsed.fileName);
    const existing = cases.find((c) => c.name.toLowerCase() === title.toLowerCase());
    files.push({
      parsed,
      options: {
        fileName: parsed.fileName,
        title,
        speakers: defaultSpeakerMapping(parsed.transcript.speakers),
        case: existing ? { kind: "existing" as const, caseId: existing.id } : { kind: "new" as const, name: title },
      },
    });
    console.log(`Read ${parsed.fileName}: ${parsed.format}, ${parsed.transcript.turns.length} turns, speakers ${parsed.transcript.speakers.join(", ") || "none"}`);
  }
  const imported = await importTranscripts(ctx, files);
  console.log(`Imported ${imported.length} transcript(s) into project ${projectId}.`);
});
