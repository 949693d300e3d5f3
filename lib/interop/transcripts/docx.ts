import mammoth from "mammoth";
import { UPLOAD_LIMITS } from "../limits";
import { repackCapped, ZipProblem, type ZipLimits } from "../zip";

/** A .docx or .xlsx (both zip archives) may unpack to no more than an uploaded archive may. */
export const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUnpackedBytes: UPLOAD_LIMITS.maxUnpackedBytes,
  maxRatio: UPLOAD_LIMITS.maxZipRatio,
  ratioGraceBytes: UPLOAD_LIMITS.ratioGraceBytes,
};

/**
 * The text of a Word document, one paragraph per line pair, via mammoth (a well-kept .docx
 * reader); speaker labels in Word transcripts are ordinary run text, so the plain-text
 * parser finds them afterwards. mammoth unzips with JSZip, which caps nothing, so it is
 * given the archive as our capped reader unpacked it (../zip.ts), packed again unchanged.
 */
export async function docxToText(fileName: string, bytes: Uint8Array): Promise<string> {
  const checked = checkedZip(fileName, bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(checked) });
    return result.value;
  } catch (error) {
    throw new Error(`${fileName}: this Word file could not be read (${(error as Error).message}). Open it in Word and save it again as .docx.`);
  }
}

/** An Office file's zip, unpacked within the limits and packed again; a refusal names the file. */
export function checkedZip(fileName: string, bytes: Uint8Array): Uint8Array {
  try {
    return repackCapped(bytes, OFFICE_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipProblem) throw new Error(`${fileName} ${error.message}`);
    throw error;
  }
}
