import type { QdpxArchive } from "./archive";
import { decodeText } from "./decode";
import type { RefiProject, RefiTextSource } from "./model";
import { describeKind, sniffFile } from "./sniff";

/**
 * The plain text of each text source and note, from the archive or inline
 * (<PlainTextContent>). REFI-QDA 1.0 names a file inside the .qdpx as
 * plainTextPath="internal://name.txt", stored under sources/; real files also write the bare
 * name (qc), "sources/name.txt", or point outside the archive (relative://, absolute://),
 * which an upload cannot reach. A source we cannot read is skipped with its reason; the
 * import goes on without it.
 */
export type SourceText = { raw: string; from: string; encoding: string };
export type TextLookup = { texts: Map<string, SourceText>; skipped: Map<string, string>; notes: Map<string, string>; warnings: string[] };

type Wanted = { guid: string; path: string | null; inline: string | null; rich: string | null; what: string };

export function loadTexts(project: RefiProject, archive: QdpxArchive | null): TextLookup {
  const texts = new Map<string, SourceText>();
  const skipped = new Map<string, string>();
  const notes = new Map<string, string>();
  const warnings: string[] = [];

  const wanted: Wanted[] = project.textSources.map((source) => ({ guid: source.guid, path: source.plainTextPath, inline: source.plainTextContent, rich: source.richTextPath, what: "source" }));
  const noteWanted: Wanted[] = project.notes.map((note) => ({ guid: note.guid, path: note.plainTextPath, inline: note.plainTextContent, rich: null, what: "note" }));

  // One pass over the archive for every file needed.
  const entryFor = new Map<string, string>();
  for (const item of [...wanted, ...noteWanted]) {
    if (item.inline !== null || !item.path || !archive) continue;
    const entry = resolveEntry(archive, item.path);
    if (entry) entryFor.set(item.guid, entry);
  }
  const files = archive ? archive.read([...new Set(entryFor.values())]) : new Map<string, Uint8Array>();

  const load = (item: Wanted): SourceText | string => {
    if (item.inline !== null) return { raw: item.inline, from: "the project file", encoding: "utf-8" };
    if (!item.path) return item.rich ? `it has only a rich-text version (${item.rich}); Grounded reads plain text, which the file does not include` : "it has no text";
    if (isExternal(item.path)) return `its text is outside the project file (${item.path})`;
    const entry = entryFor.get(item.guid);
    const bytes = entry ? files.get(entry) : undefined;
    if (!entry || !bytes) return `its text file ${item.path} is not in the archive`;
    const kind = sniffFile(bytes);
    if (kind !== "other" && kind !== "xml" && kind !== "utf16-text") return `its text file ${entry} is really ${describeKind(kind)}, not plain text`;
    const decoded = decodeText(bytes, { keepBom: true });
    if (decoded.text.includes("\u0000")) return `its text file ${entry} holds NUL characters, so it is not plain text`;
    if (decoded.encoding === "windows-1252") warnings.push(`${entry} is not valid UTF-8; it was read as Windows-1252.`);
    return { raw: decoded.text, from: entry, encoding: decoded.encoding };
  };

  for (const item of wanted) {
    const result = load(item);
    if (typeof result === "string") skipped.set(item.guid, result);
    else texts.set(item.guid, result);
  }
  for (const item of noteWanted) {
    const result = load(item);
    if (typeof result === "string") warnings.push(`A note's text could not be read (${result}); the memo is imported empty.`);
    notes.set(item.guid, typeof result === "string" ? "" : result.raw.replace(/^\uFEFF/, ""));
  }
  return { texts, skipped, notes, warnings };
}

function isExternal(path: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path.trim());
  return scheme !== null && scheme[1].toLowerCase() !== "internal";
}

/** The archive entry a plainTextPath means, trying the spellings real producers use. */
export function resolveEntry(archive: QdpxArchive, path: string): string | null {
  let relative = path.trim().replace(/^internal:\/\//i, "");
  try {
    relative = decodeURIComponent(relative);
  } catch {
    // Not percent-encoded: use as written.
  }
  const candidates = [`${archive.baseDir}sources/${relative}`, `${archive.baseDir}${relative}`, `sources/${relative}`, relative];
  for (const candidate of candidates) {
    const found = archive.find(candidate);
    if (found) return found;
  }
  return null;
}

/** A source's title: its name, else its file name without ".txt"; null when it has neither. */
export function sourceTitle(source: Pick<RefiTextSource, "name" | "plainTextPath">): string | null {
  const fromPath = source.plainTextPath?.replace(/^[a-z]+:\/\//i, "").split(/[\\/]/).pop()?.replace(/\.txt$/i, "").trim();
  return source.name?.trim() || fromPath || null;
}

/** How messages name a source. */
export function sourceLabel(source: Pick<RefiTextSource, "name" | "plainTextPath" | "guid">): string {
  return sourceTitle(source) ?? source.guid;
}
