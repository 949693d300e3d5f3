/**
 * What an upload may cost the server, in one place, so the server enforces and every import
 * dialog states the same numbers. Each can be set in the environment:
 *
 *   GROUNDED_MAX_UPLOAD_MB     bytes read from one request (counted as they arrive, not taken from Content-Length)
 *   GROUNDED_MAX_UNPACKED_MB   what all the files of one archive (.qdpx, backup, .docx, .xlsx) may unpack to
 *   GROUNDED_MAX_ZIP_RATIO     how many times its packed size a file in an archive may unpack to
 *   GROUNDED_PARSE_WORKER_MB   the memory (V8 heap) of the worker that reads one uploaded file
 *   GROUNDED_PARSE_SECONDS     how long reading one uploaded file may take
 *   GROUNDED_PARSE_WORKERS     how many files are read at once (more wait their turn)
 *
 * Read once when the server starts; restart it after a change.
 */
const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
};

const MB = 1024 * 1024;
const env = process.env;

export const UPLOAD_LIMITS = {
  maxRequestBytes: Math.round(positive(env.GROUNDED_MAX_UPLOAD_MB, 100) * MB),
  maxTranscriptFileBytes: 25 * MB,
  maxFilesPerImport: 200,
  maxUnpackedBytes: Math.round(positive(env.GROUNDED_MAX_UNPACKED_MB, 256) * MB),
  maxZipRatio: positive(env.GROUNDED_MAX_ZIP_RATIO, 100),
  parseWorkerMb: Math.round(positive(env.GROUNDED_PARSE_WORKER_MB, 512)),
  parseSeconds: positive(env.GROUNDED_PARSE_SECONDS, 60),
  parseWorkers: Math.max(1, Math.round(positive(env.GROUNDED_PARSE_WORKERS, 2))),
  // Small files may be packed far tighter than the ratio (a page of blanks); only what
  // unpacks past this is held to it.
  ratioGraceBytes: 1 * MB,
} as const;

const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** How every uploaded file is read, for each import dialog. */
export const describeReadingLimits = () =>
  `Each file is read within ${UPLOAD_LIMITS.parseWorkerMb} MB of memory and ${UPLOAD_LIMITS.parseSeconds} s; a packed file (.docx, .xlsx, .qdpx, backup) may unpack to at most ${mb(UPLOAD_LIMITS.maxUnpackedBytes)}, and to no more than ${UPLOAD_LIMITS.maxZipRatio} times its packed size.`;

/** The transcript import dialog. */
export const describeLimits = () =>
  `Up to ${UPLOAD_LIMITS.maxFilesPerImport} files and ${mb(UPLOAD_LIMITS.maxRequestBytes)} per import; ${mb(UPLOAD_LIMITS.maxTranscriptFileBytes)} per transcript file. ${describeReadingLimits()}`;

/** The case sheet import dialog. */
export const describeSheetLimits = () => `Sheets up to ${mb(UPLOAD_LIMITS.maxRequestBytes)}. ${describeReadingLimits()}`;
