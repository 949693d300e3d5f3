import { AppError } from "../../errors";
import { parsePlainTextTranscript, type PlainTextTranscript, type SpeakerChoice } from "../../transcripts/plain-text";
import { parseSrt, parseWebVtt } from "../captions";
import { decodeUtf8 } from "./decode";
import { docxToText } from "./docx";
import { unboldLabels } from "./markdown";
import { pdfToText } from "./pdf";
import { sniffTranscriptFormat, type TranscriptFormat } from "./sniff";

export type ParsedTranscriptFile = {
  fileName: string;
  format: TranscriptFormat;
  transcript: PlainTextTranscript;
  warnings: string[];
};

/**
 * Any transcript file Grounded reads, to one shape: the normalized text (normalized once,
 * here) with its speaker turns. Errors name the file and say what to do.
 */
export async function parseTranscriptFile(fileName: string, bytes: Uint8Array): Promise<ParsedTranscriptFile> {
  const sniffed = sniffTranscriptFormat(fileName, bytes);
  if ("error" in sniffed) throw new AppError("VALIDATION", sniffed.error);
  const { format } = sniffed;
  let transcript: PlainTextTranscript;
  try {
    switch (format) {
      case "docx":
        transcript = parsePlainTextTranscript(await docxToText(fileName, bytes));
        break;
      case "pdf":
        transcript = parsePlainTextTranscript(await pdfToText(fileName, bytes));
        break;
      case "webvtt":
        transcript = parseWebVtt(decodeUtf8(fileName, bytes));
        break;
      case "srt":
        transcript = parseSrt(decodeUtf8(fileName, bytes));
        break;
      case "markdown":
        transcript = parsePlainTextTranscript(unboldLabels(decodeUtf8(fileName, bytes)));
        break;
      case "text":
        transcript = parsePlainTextTranscript(decodeUtf8(fileName, bytes));
        break;
    }
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message.startsWith(fileName) ? error.message : `${fileName}: ${error.message}`);
    throw new AppError("VALIDATION", (error as Error).message.startsWith(fileName) ? (error as Error).message : `${fileName}: ${(error as Error).message}`);
  }
  if (transcript.text.trim() === "") throw new AppError("VALIDATION", `${fileName} is empty.`);
  return { fileName, format, transcript, warnings: speakerWarnings(transcript) };
}

const CAPTION_FORMATS: TranscriptFormat[] = ["webvtt", "srt"];

/**
 * The file read again with the speakers the person importing chose in the preview: the
 * labels they ticked, or none at all (a report, field notes). Captions take their speakers
 * from the file's structure, so only "none" changes them. The text never changes.
 */
export function applySpeakerChoice(file: ParsedTranscriptFile, choice: SpeakerChoice): ParsedTranscriptFile {
  if (choice.kind === "auto") return file;
  const { transcript } = file;
  if (CAPTION_FORMATS.includes(file.format)) {
    if (choice.kind === "chosen") return file;
    return { ...file, transcript: { ...transcript, turns: [], speakers: [] }, warnings: [] };
  }
  const again = parsePlainTextTranscript(transcript.text, choice);
  return { ...file, transcript: again, warnings: choice.kind === "none" ? [] : speakerWarnings(again) };
}

function speakerWarnings(transcript: PlainTextTranscript): string[] {
  const warnings: string[] = [];
  const once = (transcript.candidates ?? []).filter((c) => !c.accepted).map((c) => `“${c.speaker}”`);
  const listed = once.length > 4 ? `${once.slice(0, 4).join(", ")} and ${once.length - 4} more` : once.join(", ");
  if (transcript.turns.length === 0) {
    warnings.push(
      once.length > 0
        ? `No speakers found: ${listed} ${once.length === 1 ? "looks" : "look"} like a label but a label counts only when it recurs. Tick the speakers below if this is a transcript.`
        : "No speaker labels found: the whole file becomes one passage without turns. Labels look like “Name: text”.",
    );
  } else {
    if (transcript.speakers.length === 1) warnings.push(`Only one speaker found (${transcript.speakers[0]}). Check the labels if this is an interview.`);
    if (once.length > 0) warnings.push(`Not taken as speakers (a label counts when it recurs): ${listed}. Tick any that is a speaker.`);
  }
  return warnings;
}

export { sniffTranscriptFormat, type TranscriptFormat };
