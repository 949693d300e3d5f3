import { extractText, getDocumentProxy } from "unpdf";
import { parseSpeakerLabel } from "../../transcripts/plain-text";

/**
 * The text layer of a PDF (pdf.js via unpdf). Lines a page wraps are joined back into one
 * paragraph; a line that starts with a speaker label, or follows a blank line, starts a new
 * one. A PDF without a text layer (a scan) is refused with a message saying so.
 */
export async function pdfToText(fileName: string, bytes: Uint8Array): Promise<string> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    throw new Error(`${fileName}: this PDF could not be read (${(error as Error).message}).`);
  }
  const lines = pages.join("\n").split("\n").map((l) => l.trim());
  if (lines.every((l) => l === "")) {
    throw new Error(`${fileName} has no text layer (it looks like a scan or images of pages). Run it through OCR, or import the transcript as .docx or .txt.`);
  }
  const paragraphs: string[] = [];
  let previousBlank = true;
  for (const line of lines) {
    if (line === "") {
      previousBlank = true;
      continue;
    }
    if (previousBlank || parseSpeakerLabel(line) || paragraphs.length === 0) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
    previousBlank = false;
  }
  return paragraphs.join("\n\n");
}
