/**
 * Upload limits, in one place so the server enforces and the UI states the same numbers.
 * Set GROUNDED_MAX_UPLOAD_MB to change the per-request limit (e.g. for large .qdpx projects).
 */
const megabytes = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const UPLOAD_LIMITS = {
  maxRequestBytes: megabytes(process.env.GROUNDED_MAX_UPLOAD_MB, 100) * 1024 * 1024,
  maxTranscriptFileBytes: 25 * 1024 * 1024,
  maxFilesPerImport: 200,
} as const;

export const describeLimits = () =>
  `Up to ${UPLOAD_LIMITS.maxFilesPerImport} files and ${Math.round(UPLOAD_LIMITS.maxRequestBytes / 1048576)} MB per import; ${Math.round(UPLOAD_LIMITS.maxTranscriptFileBytes / 1048576)} MB per transcript file.`;
