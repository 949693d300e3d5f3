import { createHash } from "node:crypto";
import type { z } from "zod";
import { codePointLength } from "../../transcripts/offsets";
import { checkUploadSize } from "../refi/archive";
import type { RefiLimits } from "../refi/limits";
import { describeKind, sniffFile } from "../refi/sniff";
import { inflateEntry, listZip, ZipProblem, type ZipEntry } from "../zip";
import { BackupFileError } from "./errors";
import { BACKUP_FORMAT, BACKUP_VERSION, READABLE_BACKUP_VERSIONS, backupDataSchema, DATA_ENTRY, MANIFEST_ENTRY, manifestHeadSchema, manifestSchema, type BackupData, type BackupManifest } from "./schema";
import { verifyManifest } from "./signature";

export type OpenedBackup = {
  manifest: BackupManifest;
  data: BackupData;
  /** Each document's text, by the entry name backup.json gives it. */
  texts: Map<string, string>;
  /** Signed by this server and unchanged since (signature.ts). */
  signed: boolean;
};

/**
 * Opens a backup within the same limits as a REFI-QDA upload (the archive's central
 * directory is read first; nothing is inflated past the declared sizes: ../zip.ts), then checks it in
 * the order a person would want to hear about it: is it a zip, is it a backup, which format
 * version, is the manifest whole, does every entry match its SHA-256 (fflate does not check
 * a zip's CRCs, so this is what catches a damaged file), does backup.json have the shape of
 * this version, and does every text match its document's length and checksum.
 */
export function openBackup(bytes: Uint8Array, fileName: string, limits: RefiLimits, key: Buffer | null): OpenedBackup {
  const fail: Fail = (problem) => {
    throw new BackupFileError(fileName, problem);
  };
  checkUploadSize(bytes, fileName, limits);
  const kind = sniffFile(bytes);
  if (kind !== "zip") fail(kind === "other" ? "is not a zip archive, so it is not a Grounded backup." : `is really ${describeKind(kind)}, not a Grounded backup (a .zip archive).`);
  const entries = listEntries(bytes, fileName, limits);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has(MANIFEST_ENTRY)) {
    const qdpx = [...names].some((name) => name.toLowerCase().endsWith(".qde"));
    fail(qdpx ? "is a REFI-QDA project (.qdpx), not a Grounded backup: it has no manifest.json. Import it as a project from another tool instead." : "is a zip archive but not a Grounded backup: it holds no manifest.json.");
  }
  const manifest = readManifest(inflate(bytes, fileName, entries, new Set([MANIFEST_ENTRY])).get(MANIFEST_ENTRY)!, fail);

  const wanted = new Set(Object.keys(manifest.entries));
  if (!wanted.has(DATA_ENTRY)) fail(`manifest.json does not list ${DATA_ENTRY}; the archive is damaged.`);
  for (const name of wanted) if (!names.has(name)) fail(`${name} is missing from the archive; it is damaged or incomplete.`);
  const files = inflate(bytes, fileName, entries, wanted);
  for (const [name, expected] of Object.entries(manifest.entries)) {
    const file = files.get(name);
    if (!file || file.length !== expected.bytes || createHash("sha256").update(file).digest("hex") !== expected.sha256) {
      fail(`${name} does not match the checksum in manifest.json; the archive is damaged.`);
    }
  }

  const data = parseEntry(files.get(DATA_ENTRY)!, DATA_ENTRY, backupDataSchema, fail);
  const texts = new Map<string, string>();
  for (const document of data.documents) {
    if (!wanted.has(document.textPath)) fail(`the document "${document.title}" refers to the text ${document.textPath}, which manifest.json does not list; the archive is damaged.`);
    const text = decodeUtf8(files.get(document.textPath)!);
    if (text === null) fail(`${document.textPath} is not UTF-8 text; the archive is damaged.`);
    const checksum = createHash("sha256").update(text).digest("hex");
    if (checksum !== document.checksum || codePointLength(text) !== document.textLength) fail(`the text of "${document.title}" (${document.textPath}) does not match its length and checksum; the archive is damaged.`);
    texts.set(document.textPath, text);
  }
  return { manifest, data, texts, signed: verifyManifest(key, manifest) };
}

/** The limits judged before a restore job starts, as checkArchiveLimits (../refi/archive.ts) does for a .qdpx. */
export function checkBackupLimits(bytes: Uint8Array, fileName: string, limits: RefiLimits): void {
  checkUploadSize(bytes, fileName, limits);
  if (sniffFile(bytes) === "zip") listEntries(bytes, fileName, limits);
}

type Fail = (problem: string) => never;

function readManifest(bytes: Uint8Array, fail: Fail): BackupManifest {
  const json = parseJson(bytes, MANIFEST_ENTRY, fail);
  const head = manifestHeadSchema.safeParse(json);
  if (!head.success) fail("manifest.json is damaged: it names no format and version.");
  if (head.data.format !== BACKUP_FORMAT) fail(`is not a Grounded backup: manifest.json names the format "${String(head.data.format).slice(0, 60)}".`);
  const version = head.data.version;
  if (Number.isInteger(version) && version > BACKUP_VERSION) fail(`was made by a newer version of Grounded (backup format ${version}); this server reads format ${BACKUP_VERSION}. Update Grounded, then restore it.`);
  if (!READABLE_BACKUP_VERSIONS.includes(version)) fail(`manifest.json names backup format ${version}, which no version of Grounded wrote; the archive is damaged.`);
  return parseEntry(bytes, MANIFEST_ENTRY, manifestSchema, fail, json);
}

function parseEntry<S extends z.ZodType>(bytes: Uint8Array, name: string, schema: S, fail: Fail, json = parseJson(bytes, name, fail)): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return fail(`${name} is damaged: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}.`);
}

function parseJson(bytes: Uint8Array, name: string, fail: Fail): unknown {
  const text = decodeUtf8(bytes);
  try {
    if (text !== null) return JSON.parse(text);
  } catch {
    // reported below
  }
  return fail(`${name} is damaged: it is not valid JSON.`);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function listEntries(bytes: Uint8Array, fileName: string, limits: RefiLimits): ZipEntry[] {
  const entries = zipStep(fileName, () => listZip(bytes, { maxEntries: limits.maxArchiveEntries, maxUnpackedBytes: limits.maxUnpackedBytes, maxRatio: limits.maxRatio }));
  return entries.filter((entry) => !entry.name.endsWith("/"));
}

function inflate(bytes: Uint8Array, fileName: string, entries: ZipEntry[], names: Set<string>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) if (names.has(entry.name)) files.set(entry.name, zipStep(fileName, () => inflateEntry(bytes, entry)));
  return files;
}

function zipStep<T>(fileName: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ZipProblem) throw new BackupFileError(fileName, error.message);
    throw error;
  }
}
