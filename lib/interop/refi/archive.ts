import { inflateEntry, listZip, ZipProblem, type ZipEntry } from "../zip";
import { RefiFileError } from "./errors";
import { formatBytes, type RefiLimits } from "./limits";
import { describeKind, sniffFile } from "./sniff";

/**
 * A .qdpx is a zip archive holding project.qde and the source files it names (REFI-QDA
 * 1.0: "sources/" beside it). This module opens one within REFI_IMPORT_LIMITS: it reads the
 * central directory first (entry count, declared sizes, packing ratio), then inflates only
 * the entries the import needs, each stopped at its declared size (../zip.ts), so a lying
 * or bombed archive costs no more memory or time than the limits allow.
 *
 * Names are looked up without regard to case or slash direction: producers write
 * project.qde or Project.qde, sources/ or Sources/, and Windows tools "sources\x.txt".
 */

export type QdpxArchive = {
  /** The project file's name inside the archive. */
  projectEntry: string;
  /** The folder project.qde is in ("" at the root), to which source paths are relative. */
  baseDir: string;
  projectXml: Uint8Array;
  /** The stored entry name for a path, or null when the archive has no such file. */
  find(path: string): string | null;
  /** Inflates the named entries (stored names, as find returns them). */
  read(names: readonly string[]): Map<string, Uint8Array>;
};

export const lookupKey = (path: string) => path.replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "").toLowerCase();

export function openQdpx(bytes: Uint8Array, fileName: string, limits: RefiLimits): QdpxArchive {
  checkUploadSize(bytes, fileName, limits);
  const kind = sniffFile(bytes);
  if (kind === "xml") {
    throw new RefiFileError(fileName, "is an XML file, not a .qdpx project. A .qdpx is a zip archive holding project.qde and its sources; a codebook (.qdc) is imported as a codebook.");
  }
  if (kind !== "zip") throw new RefiFileError(fileName, `is really ${describeKind(kind)}, not a REFI-QDA project (.qdpx, a zip archive).`);
  const entries = listEntries(bytes, fileName, limits);
  const byKey = new Map(entries.map((entry) => [lookupKey(entry.name), entry.name]));
  const projectEntry = findProjectEntry(entries, fileName);
  const baseDir = projectEntry.includes("/") ? lookupKey(projectEntry).replace(/[^/]*$/, "") : "";
  const read = (names: readonly string[]) => inflate(bytes, entries, new Set(names), fileName);
  const projectXml = read([projectEntry]).get(projectEntry);
  if (!projectXml) throw new RefiFileError(fileName, `${projectEntry} could not be unpacked.`);
  return { projectEntry, baseDir, projectXml, find: (path) => byKey.get(lookupKey(path)) ?? null, read };
}

/**
 * The limits that can be judged without unpacking anything (the upload's size; a zip's
 * entry count, declared sizes and packing ratio): cheap enough for the upload request
 * itself, so a zip bomb is refused before a background job is started for it. What the
 * file is, and what it holds, is the job's to find out (and report).
 */
export function checkArchiveLimits(bytes: Uint8Array, fileName: string, limits: RefiLimits): void {
  checkUploadSize(bytes, fileName, limits);
  if (sniffFile(bytes) === "zip") listEntries(bytes, fileName, limits);
}

export function checkUploadSize(bytes: Uint8Array, fileName: string, limits: RefiLimits): void {
  if (bytes.length > limits.maxUploadBytes) {
    throw new RefiFileError(fileName, `is ${formatBytes(bytes.length)}; the largest file we accept is ${formatBytes(limits.maxUploadBytes)}.`);
  }
  if (bytes.length === 0) throw new RefiFileError(fileName, "is empty.");
}

function listEntries(bytes: Uint8Array, fileName: string, limits: RefiLimits): ZipEntry[] {
  const entries = zipStep(fileName, () => listZip(bytes, { maxEntries: limits.maxArchiveEntries, maxUnpackedBytes: limits.maxUnpackedBytes, maxRatio: limits.maxRatio }));
  return entries.filter((entry) => !entry.name.endsWith("/"));
}

// project.qde at the top (any case); failing that, the one .qde file anywhere in the archive.
function findProjectEntry(entries: ZipEntry[], fileName: string): string {
  const top = entries.find((entry) => lookupKey(entry.name) === "project.qde");
  if (top) return top.name;
  const anywhere = entries.filter((entry) => lookupKey(entry.name).endsWith(".qde"));
  if (anywhere.length === 1) return anywhere[0].name;
  if (anywhere.length > 1) throw new RefiFileError(fileName, `holds ${anywhere.length} project files (.qde); a .qdpx holds one.`);
  const office = officeKind(entries);
  if (office) throw new RefiFileError(fileName, `is really ${office}, not a REFI-QDA project (.qdpx).`);
  const sample = entries.slice(0, 5).map((entry) => entry.name).join(", ");
  throw new RefiFileError(fileName, `is a zip archive but not a REFI-QDA project: it holds no project.qde${sample ? ` (it holds ${sample}${entries.length > 5 ? ", ..." : ""})` : " (it is empty)"}.`);
}

// Word, Excel and OpenDocument files are zip archives too; name them, since that is the usual mix-up.
function officeKind(entries: ZipEntry[]): string | null {
  const keys = new Set(entries.map((entry) => lookupKey(entry.name)));
  if (keys.has("[content_types].xml")) {
    if (keys.has("word/document.xml")) return "a Word document (.docx)";
    if (keys.has("xl/workbook.xml")) return "an Excel workbook (.xlsx)";
    if (keys.has("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx)";
    return "an Office document";
  }
  return keys.has("mimetype") && keys.has("content.xml") ? "an OpenDocument file" : null;
}

function inflate(bytes: Uint8Array, entries: ZipEntry[], names: Set<string>, fileName: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) if (names.has(entry.name)) files.set(entry.name, zipStep(fileName, () => inflateEntry(bytes, entry)));
  return files;
}

// A refused or damaged archive, as a refusal naming the file.
function zipStep<T>(fileName: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ZipProblem) throw new RefiFileError(fileName, error.message);
    throw error;
  }
}
