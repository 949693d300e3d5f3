import { createHash } from "node:crypto";
import { SpeakerRole } from "../../db/generated/enums";
import { codePointLength, normalizeText } from "../../transcripts/offsets";
import { parsePlainTextTranscript } from "../../transcripts/plain-text";
import { RefiFileError } from "./errors";
import type { RefiCoding, RefiProject, RefiTextSource } from "./model";
import { placeSelections } from "./placement";
import { IMPORT_TEXT_LIMITS, TextLimiter } from "./plan-limits";
import type { ImportWarning, PlannedCoding, PlannedDocument, PlannedTurn } from "./plan-types";
import { clip } from "./read-common";
import { sourceLabel, sourceTitle, type TextLookup } from "./source-texts";

/**
 * Text sources -> documents, and their selections' codings -> codings. A document's text is
 * the source normalized once (NFC, "\n", no BOM) like every imported transcript; each
 * selection is placed on it by placement.ts. Speaker turns are found in the text the way
 * plain-text transcripts are read, so an exported and re-imported transcript keeps them.
 *
 * A coding whose code the codebook lacks refuses the file (it cannot be attributed to
 * anything); one on a source we skipped goes with the source, listed. Grounded keeps one
 * coding per analyst, code and span, so exact repeats are merged, and counted. Titles and
 * coding memos longer than the app's own forms allow are shortened (plan-limits.ts).
 */
export type SourcePlan = {
  documents: PlannedDocument[];
  codings: PlannedCoding[];
  /** The coding each REFI coding and each selection became (after merging), for memos. */
  codingOf: Map<string, string>;
  /** Document key for a source GUID (or a PDF's, for its text), when it was imported. */
  documentOf: Map<string, string>;
};

type Context = {
  fileName: string;
  codeNames: Map<string, string>;
  userKey(refiUser: string | null): string;
  warnings: ImportWarning[];
};

export function planSources(project: RefiProject, lookup: TextLookup, ctx: Context): SourcePlan {
  const plan: SourcePlan = { documents: [], codings: [], codingOf: new Map(), documentOf: new Map() };
  const seen = new Map<string, string>();
  const limits = new TextLimiter();
  let merged = 0;

  const addCoding = (documentKey: string, coding: RefiCoding, span: { start: number; end: number; quote: string }, refiUser: string | null, memo: string, source: string) => {
    const codeKey = ctx.codeNames.has(coding.codeGuid) ? coding.codeGuid : null;
    if (codeKey === null) {
      throw new RefiFileError(ctx.fileName, `the coding ${coding.guid} in source "${source}" refers to the code ${coding.codeGuid}, which the codebook does not contain.`);
    }
    const userKey = ctx.userKey(coding.creatingUser ?? refiUser);
    const identity = [documentKey, codeKey, userKey, span.start, span.end].join("\u0000");
    const existing = seen.get(identity);
    if (existing !== undefined) {
      merged++;
      plan.codingOf.set(coding.guid, existing);
      return existing;
    }
    seen.set(identity, coding.guid);
    const fitted = limits.fit(memo, IMPORT_TEXT_LIMITS.codingMemo, "coding", "coding memo(s)", `${source}, ${span.start}–${span.end}`);
    plan.codings.push({ key: coding.guid, documentKey, codeKey, userKey, ...span, memo: fitted });
    plan.codingOf.set(coding.guid, coding.guid);
    return coding.guid;
  };

  project.textSources.forEach((source) => {
    const label = sourceLabel(source);
    const loaded = lookup.texts.get(source.guid);
    if (!loaded) {
      const lost = codingCount(source);
      ctx.warnings.push({ kind: "source", message: `Skipped source "${label}": ${lookup.skipped.get(source.guid) ?? "its text could not be read"}.${lost ? ` Its ${lost} coding(s) were not imported.` : ""}` });
      return;
    }
    const text = normalizeText(loaded.raw);
    const placement = source.selections.length > 0 ? placeSelections(loaded.raw, source.selections, { fileName: ctx.fileName, source: label }) : null;
    const documentKey = source.guid;
    const title = sourceTitle(source) ?? `Source ${plan.documents.length + 1}`;
    plan.documents.push({
      key: documentKey,
      title: limits.fit(title, IMPORT_TEXT_LIMITS.documentTitle, "source", "source title(s)", title),
      text,
      textLength: codePointLength(text),
      checksum: createHash("sha256").update(text, "utf8").digest("hex"),
      sourceName: loaded.from,
      position: plan.documents.length,
      caseKey: null,
      turns: speakerTurns(text),
      positions: placement && { convention: placement.convention, evidence: placement.guess.evidence },
    });
    for (const guid of [source.guid, ...source.aliases]) plan.documentOf.set(guid, documentKey);

    let uncoded = 0;
    for (const selection of placement?.empty ?? []) {
      if (selection.codings.length > 0) ctx.warnings.push({ kind: "coding", message: `A selection in "${label}" (positions ${selection.start}–${selection.end}) covers no text; its ${selection.codings.length} coding(s) were not imported.` });
    }
    for (const placed of placement?.placed ?? []) {
      const { selection } = placed;
      if (selection.codings.length === 0) {
        uncoded++;
        continue;
      }
      const span = { start: placed.start, end: placed.end, quote: placed.quote };
      const keys = selection.codings.map((coding) => addCoding(documentKey, coding, span, selection.creatingUser, selection.description ?? "", label));
      plan.codingOf.set(selection.guid, keys[0]);
      const codes = selection.codings.map((coding) => ctx.codeNames.get(coding.codeGuid)).join(", ");
      for (const issue of placed.issues) {
        ctx.warnings.push({ kind: "position", message: `"${label}", passage "${clip(placed.quote)}" at ${placed.start}–${placed.end} (${codes}): ${issue}.` });
      }
    }
    // Codings of the whole source (no selection): the whole text.
    for (const coding of source.codings) {
      if (text === "") continue;
      addCoding(documentKey, coding, { start: 0, end: codePointLength(text), quote: text }, null, "", label);
    }
    if (uncoded > 0) ctx.warnings.push({ kind: "coding", message: `${uncoded} selection(s) in "${label}" carry no code and were not imported.` });
  });

  for (const other of project.otherSources) {
    ctx.warnings.push({ kind: "source", message: `Skipped ${other.kind} source "${other.name ?? other.path ?? other.guid}": Grounded imports text sources only.${other.selections ? ` Its ${other.selections} selection(s) were not imported.` : ""}` });
  }
  limits.flush(ctx.warnings);
  if (merged > 0) ctx.warnings.push({ kind: "coding", message: `${merged} coding(s) repeated another by the same user with the same code on the same passage and were merged into it.` });
  return plan;
}

function codingCount(source: RefiTextSource): number {
  return source.selections.reduce((n, selection) => n + selection.codings.length, source.codings.length);
}

const INTERVIEWER = /^(interviewer|researcher|moderator|facilitator|i|q)(\s*\d+)?$/i;

function speakerTurns(text: string): PlannedTurn[] {
  return parsePlainTextTranscript(text).turns.map((turn) => ({
    ...turn,
    role: INTERVIEWER.test(turn.speaker) ? SpeakerRole.interviewer : SpeakerRole.respondent,
  }));
}
