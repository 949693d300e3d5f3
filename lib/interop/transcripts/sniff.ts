export type TranscriptFormat = "docx" | "pdf" | "webvtt" | "srt" | "text" | "markdown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What a file really is, from its first bytes, checked against what its name claims: a
 * ".docx" that is a PDF is refused with a message saying so, rather than parsed as garbage.
 */
export function sniffTranscriptFormat(fileName: string, bytes: Uint8Array): { format: TranscriptFormat } | { error: string } {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const isZip = startsWith(bytes, ZIP);
  const isPdf = startsWith(bytes, PDF);
  const claimed: Record<string, TranscriptFormat> = { docx: "docx", pdf: "pdf", vtt: "webvtt", srt: "srt", txt: "text", text: "text", md: "markdown", markdown: "markdown" };
  const wanted = claimed[ext];
  if (!wanted) {
    if (ext === "doc") return { error: `${fileName}: old Word .doc files are not supported. Save it as .docx (Word: File › Save As) and import that.` };
    return { error: `${fileName}: .${ext || "(no extension)"} is not a transcript format Grounded reads (.txt, .md, .docx, .vtt, .srt, .pdf).` };
  }
  if (wanted === "docx") {
    if (isPdf) return { error: `${fileName} is named .docx but is really a PDF. Rename it to .pdf, or export the document to .docx again.` };
    if (!isZip) return { error: `${fileName} is named .docx but is not a Word document (a .docx is a zip archive).` };
    return { format: "docx" };
  }
  if (wanted === "pdf") {
    if (!isPdf) return { error: `${fileName} is named .pdf but is not a PDF file.` };
    return { format: "pdf" };
  }
  if (isZip || isPdf || looksBinary(bytes)) {
    return { error: `${fileName} is named .${ext} but holds binary data (${isPdf ? "a PDF" : isZip ? "a zip or Word file" : "not text"}).` };
  }
  return { format: wanted };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  return sample.includes(0);
}
