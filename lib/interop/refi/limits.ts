import { UPLOAD_LIMITS } from "../limits";

/**
 * What a REFI-QDA upload (or a backup, which is one) may weigh, stated once so the UI can show
 * it and the importer enforce it. The upload size is checked before anything is unpacked; the
 * archive's entry count, its total unpacked size and its packing ratio (as its central
 * directory declares them) before any entry is inflated; and no entry is ever inflated past
 * its declared size (lib/interop/zip.ts), so a zip bomb or a lying archive costs at most
 * maxUnpackedBytes. The sizes come from lib/interop/limits.ts (configurable there).
 */
export type RefiLimits = {
  /** The largest .qdpx or .qdc accepted, in bytes. */
  maxUploadBytes: number;
  /** The most files (entries) a .qdpx may hold. */
  maxArchiveEntries: number;
  /** The most bytes all files of a .qdpx may hold once unpacked. */
  maxUnpackedBytes: number;
  /** How many times its packed size a file in the archive may unpack to. */
  maxRatio: number;
  /** The deepest nesting of XML elements read (a code tree is one level per sub-code). */
  maxXmlDepth: number;
};

const MB = 1024 * 1024;

export const REFI_IMPORT_LIMITS: Readonly<RefiLimits> = Object.freeze({
  maxUploadBytes: UPLOAD_LIMITS.maxRequestBytes,
  maxArchiveEntries: 10_000,
  maxUnpackedBytes: UPLOAD_LIMITS.maxUnpackedBytes,
  maxRatio: UPLOAD_LIMITS.maxZipRatio,
  maxXmlDepth: 256,
});

export function resolveLimits(overrides?: Partial<RefiLimits>): RefiLimits {
  return { ...REFI_IMPORT_LIMITS, ...overrides };
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The limits in the user's words, for the import dialog. */
export function describeLimits(limits: RefiLimits = REFI_IMPORT_LIMITS): string {
  return `Files up to ${formatBytes(limits.maxUploadBytes)}; a .qdpx may hold at most ${limits.maxArchiveEntries.toLocaleString("en")} files and ${formatBytes(limits.maxUnpackedBytes)} once unpacked, each file no more than ${limits.maxRatio} times its packed size. Each file is read within ${UPLOAD_LIMITS.parseWorkerMb} MB of memory and ${UPLOAD_LIMITS.parseSeconds} s.`;
}
