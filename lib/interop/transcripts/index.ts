import { AppError } from "../../errors";
import { parsePlainTextTranscript, type PlainTextTranscript } from "../../transcripts/plain-text";
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
  const warnings: string[] = [];
  if (transcript.text.trim() === "") throw new AppError("VALIDATION", `${fileName} is empty.`);
  if (transcript.turns.length === 0) warnings.push("No speaker labels found: the whole file becomes one passage without turns. Labels look like “Name: text”.");
  else if (transcript.speakers.length === 1) warnings.push(`Only one speaker found (${transcript.speakers[0]}). Check the labels if this is an interview.`);
  return { fileName, format, transcript, warnings };
}

export { sniffTranscriptFormat, type TranscriptFormat };
