import { createHash } from "node:crypto";
import { SpeakerRole } from "../db/generated/enums";
import { codePointLength } from "../transcripts/offsets";
import { type PlainTextTurn, parsePlainTextTranscript } from "../transcripts/plain-text";
import { type DemoAttribute, type DemoAttributeValue, demoAttributes, demoAttributeValue } from "./attributes";
import type { CodebookEntry, DemoData } from "./files";
import { caseDescription, documentTitle } from "./project";
import { type ResolvedCoding, resolveReferenceCoding } from "./reference-coding";

/**
 * Everything the loader writes, computed before it opens a transaction: parsing and
 * resolving passages can fail on bad data, and should do so without holding a connection.
 */

export type PreparedDocument = {
  caseName: string;
  position: number;
  title: string;
  text: string;
  textLength: number;
  checksum: string;
  sourceName: string;
  turns: (PlainTextTurn & { role: SpeakerRole })[];
  codings: ResolvedCoding[];
};

export type PreparedCase = { name: string; description: string; values: { attribute: string; value: DemoAttributeValue }[] };

export type PreparedCode = Omit<CodebookEntry, "children"> & { parentKey: string | null; position: number; depth: number };

export type PreparedStudy = {
  attributes: DemoAttribute[];
  cases: PreparedCase[];
  documents: PreparedDocument[];
  /** Parents before their children. */
  codes: PreparedCode[];
};

export function prepareDemoStudy(data: DemoData): PreparedStudy {
  const attributes = demoAttributes(data.columns, data.cases);
  const cases = data.cases.map((demoCase) => ({
    name: demoCase.name,
    description: caseDescription(demoCase),
    values: attributes.map((attribute) => ({ attribute: attribute.name, value: demoAttributeValue(attribute, demoCase) })),
  }));
  const documents = data.cases.map((demoCase, position): PreparedDocument => {
    const { text, turns, speakers } = parsePlainTextTranscript(demoCase.transcript);
    const silent = demoCase.respondents.filter((name) => !speakers.includes(name));
    if (!speakers.includes("Interviewer") || silent.length > 0) {
      throw new Error(`${demoCase.name}: transcripts/${demoCase.transcriptFile} needs turns by the Interviewer and ${demoCase.respondents.join(", ")}; found ${speakers.join(", ") || "no speaker labels"}`);
    }
    return {
      caseName: demoCase.name,
      position,
      title: documentTitle(demoCase),
      text,
      textLength: codePointLength(text),
      checksum: createHash("sha256").update(text, "utf8").digest("hex"),
      sourceName: demoCase.transcriptFile,
      turns: turns.map((turn) => ({ ...turn, role: speakerRole(turn.speaker) })),
      codings: resolveReferenceCoding(demoCase.name, text, demoCase.codings),
    };
  });
  return { attributes, cases, documents, codes: flattenCodebook(data.codebook) };
}

export function speakerRole(speaker: string): SpeakerRole {
  return speaker === "Interviewer" ? SpeakerRole.interviewer : SpeakerRole.respondent;
}

function flattenCodebook(entries: CodebookEntry[], parentKey: string | null = null, depth = 0): PreparedCode[] {
  const level = entries.map(({ children: _children, ...code }, position) => ({ ...code, parentKey, position, depth }));
  const below = entries.flatMap((entry) => flattenCodebook(entry.children ?? [], entry.key, depth + 1));
  return [...level, ...below];
}
