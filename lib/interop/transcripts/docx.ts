import mammoth from "mammoth";

/**
 * The text of a Word document, one paragraph per line pair, via mammoth (a well-kept .docx
 * reader); speaker labels in Word transcripts are ordinary run text, so the plain-text
 * parser finds them afterwards.
 */
export async function docxToText(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw new Error(`${fileName}: this Word file could not be read (${(error as Error).message}). Open it in Word and save it again as .docx.`);
  }
}
