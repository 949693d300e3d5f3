import { readSheet } from "../cases/sheet";
import { openBackup } from "../interop/backup/archive";
import { checkReferences } from "../interop/backup/check";
import { openQdpx } from "../interop/refi/archive";
import type { RefiLimits } from "../interop/refi/limits";
import { buildImportPlan } from "../interop/refi/plan";
import { readCodebook } from "../interop/refi/read-codebook";
import { readProject } from "../interop/refi/read-project";
import { loadTexts } from "../interop/refi/source-texts";
import { parseXml } from "../interop/refi/xml-read";
import { parseTranscriptFile } from "../interop/transcripts";

/**
 * Every parse of an uploaded file, as the tasks the parse worker runs (pool.ts, parse.ts):
 * bytes in, plain data out (the structured-clone kind: objects, arrays, Maps, Dates). Nothing
 * here touches the database; what the worker returns is written by the caller.
 */
type FileInput = { fileName: string; bytes: Uint8Array };

export const tasks = {
  transcript: ({ fileName, bytes }: FileInput) => parseTranscriptFile(fileName, bytes),

  sheet: ({ fileName, bytes }: FileInput) => readSheet(fileName, bytes),

  /** A .qdpx unpacked, read and placed: the plan of what the import writes. */
  qdpx: ({ fileName, bytes, limits, projectName }: FileInput & { limits: RefiLimits; projectName?: string }) => {
    const archive = openQdpx(bytes, fileName, limits);
    const where = { fileName, part: archive.projectEntry };
    const project = readProject(where, parseXml(archive.projectXml, where, limits.maxXmlDepth));
    return { projectEntry: archive.projectEntry, plan: buildImportPlan(project, loadTexts(project, archive), { fileName, projectName }) };
  },

  qdc: ({ fileName, bytes, limits }: FileInput & { limits: RefiLimits }) => {
    const where = { fileName, part: null };
    return readCodebook(where, parseXml(bytes, where, limits.maxXmlDepth));
  },

  /** A backup opened and checked (checksums, signature, references), ready to restore. */
  backup: ({ fileName, bytes, limits, key }: FileInput & { limits: RefiLimits; key: Uint8Array | null }) => {
    const opened = openBackup(bytes, fileName, limits, key ? Buffer.from(key) : null);
    checkReferences(opened.data, fileName);
    return opened;
  },
};

export type ParseTasks = typeof tasks;
export type ParseTask = keyof ParseTasks;
