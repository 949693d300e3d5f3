import { extractText, getDocumentProxy } from "unpdf";
import { isCapitalisedName, parseSpeakerLabel, speakerKey } from "../../transcripts/speaker-labels";

/**
 * The text layer of a PDF (pdf.js via unpdf). Lines a page wraps are joined back into one
 * paragraph; a line that starts with a speaker label (a capitalised name, or any label the
 * file repeats: a wrapped line may start "cost was high: ..." once), or follows a blank
 * line, starts a new one. A PDF without a text layer (a scan) is refused with a message saying so.
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
  const labelCounts = new Map<string, number>();
  for (const line of lines) {
    const label = parseSpeakerLabel(line);
    if (label) labelCounts.set(speakerKey(label.speaker), (labelCounts.get(speakerKey(label.speaker)) ?? 0) + 1);
  }
  const startsTurn = (line: string) => {
    const label = parseSpeakerLabel(line);
    return label !== null && (isCapitalisedName(label.speaker) || (labelCounts.get(speakerKey(label.speaker)) ?? 0) >= 2);
  };
  const paragraphs: string[] = [];
  let previousBlank = true;
  for (const line of lines) {
    if (line === "") {
      previousBlank = true;
      continue;
    }
    if (previousBlank || startsTurn(line) || paragraphs.length === 0) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
    previousBlank = false;
  }
  return paragraphs.join("\n\n");
}
