import { unzipSync, type UnzipFileInfo } from "fflate";
import { RefiFileError } from "./errors";
import { formatBytes, type RefiLimits } from "./limits";
import { describeKind, sniffFile } from "./sniff";

/**
 * A .qdpx is a zip archive holding project.qde and the source files it names (REFI-QDA
 * 1.0: "sources/" beside it). This module opens one within REFI_IMPORT_LIMITS: it reads the
 * central directory first (entry count and declared sizes), then inflates only the entries
 * the import needs, each into a buffer of its declared size (fflate never grows it), so a
 * lying or bombed archive costs no more memory than the limits allow.
 *
 * Names are looked up without regard to case or slash direction: producers write
 * project.qde or Project.qde, sources/ or Sources/, and Windows tools "sources\x.txt".
 */
export type ArchiveEntry = { name: string; size: number };

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
  const read = (names: readonly string[]) => inflate(bytes, new Set(names), fileName);
  const projectXml = read([projectEntry]).get(projectEntry);
  if (!projectXml) throw new RefiFileError(fileName, `${projectEntry} could not be unpacked.`);
  return { projectEntry, baseDir, projectXml, find: (path) => byKey.get(lookupKey(path)) ?? null, read };
}

export function checkUploadSize(bytes: Uint8Array, fileName: string, limits: RefiLimits): void {
  if (bytes.length > limits.maxUploadBytes) {
    throw new RefiFileError(fileName, `is ${formatBytes(bytes.length)}; the largest file we accept is ${formatBytes(limits.maxUploadBytes)}.`);
  }
  if (bytes.length === 0) throw new RefiFileError(fileName, "is empty.");
}

function listEntries(bytes: Uint8Array, fileName: string, limits: RefiLimits): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let total = 0;
  unzip(bytes, fileName, (file) => {
    if (entries.length + 1 > limits.maxArchiveEntries) {
      throw new RefiFileError(fileName, `holds more than ${limits.maxArchiveEntries.toLocaleString("en")} files, more than we unpack; it is not a project we can import.`);
    }
    total += file.originalSize;
    if (total > limits.maxUnpackedBytes) {
      throw new RefiFileError(fileName, `would unpack to more than ${formatBytes(limits.maxUnpackedBytes)}, more than we unpack; it is not a project we can import.`);
    }
    if (!file.name.endsWith("/")) entries.push({ name: file.name, size: file.originalSize });
    return false;
  });
  return entries;
}

// project.qde at the top (any case); failing that, the one .qde file anywhere in the archive.
function findProjectEntry(entries: ArchiveEntry[], fileName: string): string {
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
function officeKind(entries: ArchiveEntry[]): string | null {
  const keys = new Set(entries.map((entry) => lookupKey(entry.name)));
  if (keys.has("[content_types].xml")) {
    if (keys.has("word/document.xml")) return "a Word document (.docx)";
    if (keys.has("xl/workbook.xml")) return "an Excel workbook (.xlsx)";
    if (keys.has("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx)";
    return "an Office document";
  }
  return keys.has("mimetype") && keys.has("content.xml") ? "an OpenDocument file" : null;
}

function inflate(bytes: Uint8Array, names: Set<string>, fileName: string): Map<string, Uint8Array> {
  const files = unzip(bytes, fileName, (file) => names.has(file.name));
  return new Map(Object.entries(files));
}

function unzip(bytes: Uint8Array, fileName: string, filter: (file: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof RefiFileError) throw error;
    throw new RefiFileError(fileName, `is a damaged zip archive or uses a kind of compression we cannot unpack (${(error as Error).message}).`);
  }
}
