import { createHash } from "node:crypto";
import { SpeakerRole } from "../../db/generated/enums";
import { codePointLength, normalizeText } from "../../transcripts/offsets";
import { parsePlainTextTranscript } from "../../transcripts/plain-text";
import { RefiFileError } from "./errors";
import { decideFileConvention } from "./import-positions";
import { PositionReporter } from "./import-report";
import { tally } from "./import-not-imported";
import type { RefiCoding, RefiProject, RefiSelection, RefiTextSource } from "./model";
import { placeSelections } from "./placement";
import { IMPORT_TEXT_LIMITS, TextLimiter } from "./plan-limits";
import type { ImportWarning, NotImported, PlannedCoding, PlannedDocument, PlannedTurn, PositionReport } from "./plan-types";
import { clip } from "./read-common";
import { sourceLabel, sourceTitle, type TextLookup } from "./source-texts";

/**
 * Text sources -> documents, and their selections' codings -> codings. A document's text is
 * the source normalized once (NFC, "\n", no BOM) like every imported transcript; how the
 * file counts positions is decided once for all its sources (import-positions.ts), and each
 * selection is placed on its text by placement.ts. Speaker turns are found in the text the way
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
  positions: PositionReport | null;
};

type Context = {
  fileName: string;
  origin: string | null;
  codeNames: Map<string, string>;
  userKey(refiUser: string | null): string;
  userName(key: string): string;
  warnings: ImportWarning[];
  notImported: NotImported[];
};

export function planSources(project: RefiProject, lookup: TextLookup, ctx: Context): SourcePlan {
  const plan: SourcePlan = { documents: [], codings: [], codingOf: new Map(), documentOf: new Map(), positions: null };
  const seen = new Map<string, string>();
  const limits = new TextLimiter();
  let merged = 0;
  let otherCoder = 0;
  const coderOf = new Map<string, string>();

  const addCoding = (documentKey: string, coding: RefiCoding, span: { start: number; end: number; quote: string }, selection: RefiSelection | null, source: string) => {
    const codeKey = ctx.codeNames.has(coding.codeGuid) ? coding.codeGuid : null;
    if (codeKey === null) {
      throw new RefiFileError(ctx.fileName, `the coding ${coding.guid} in source "${source}" refers to the code ${coding.codeGuid}, which the codebook does not contain.`);
    }
    // The coder is who made the selection. One producer writes every Coding element with one
    // user and one timestamp earlier than its selections', so the coding's user is only a
    // fallback; taking it would credit one person with a whole team's work.
    const selectionUser = selection?.creatingUser ?? null;
    if (selectionUser !== null && coding.creatingUser !== null && coding.creatingUser !== selectionUser) otherCoder++;
    const userKey = ctx.userKey(selectionUser ?? coding.creatingUser);
    const identity = [documentKey, codeKey, userKey, span.start, span.end].join("\u0000");
    const existing = seen.get(identity);
    if (existing !== undefined) {
      merged++;
      plan.codingOf.set(coding.guid, existing);
      return existing;
    }
    seen.set(identity, coding.guid);
    const memo = limits.fit(selection?.description ?? "", IMPORT_TEXT_LIMITS.codingMemo, "coding", "coding memo(s)", `${source}, ${span.start}–${span.end}`);
    plan.codings.push({ key: coding.guid, documentKey, codeKey, userKey, ...span, memo, refiGuid: selection?.guid ?? null });
    plan.codingOf.set(coding.guid, coding.guid);
    coderOf.set(coding.guid, userKey);
    return coding.guid;
  };

  const loaded = project.textSources.flatMap((source) => {
    const text = lookup.texts.get(source.guid);
    if (text) return [{ source, raw: text.raw, from: text.from, normalized: normalizeText(text.raw) }];
    const lost = codingCount(source);
    ctx.warnings.push({ kind: "source", message: `Skipped source "${sourceLabel(source)}": ${lookup.skipped.get(source.guid) ?? "its text could not be read"}.${lost ? ` Its ${lost} coding(s) were not imported.` : ""}` });
    if (lost) tally(ctx.notImported, "unread-source", lost);
    return [];
  });
  const withSelections = loaded.filter(({ source }) => source.selections.length > 0);
  const decision = withSelections.length
    ? decideFileConvention(
        withSelections.map(({ source, raw, normalized }) => ({ key: source.guid, raw, normalized, selections: source.selections.map((s) => ({ start: s.start, end: s.end, quote: s.name })) })),
        ctx.origin,
      )
    : null;
  const report = decision && new PositionReporter(decision, withSelections.length, ctx.userName);

  for (const { source, raw, from, normalized: text } of loaded) {
    const label = sourceLabel(source);
    const reading = decision?.sources.get(source.guid);
    const placement = reading
      ? placeSelections(raw, source.selections, { fileName: ctx.fileName, source: label }, { convention: reading.convention, quotesAreNames: reading.score.quotesMatched > 0, alternative: reading.alternative })
      : null;
    const documentKey = source.guid;
    const title = sourceTitle(source) ?? `Source ${plan.documents.length + 1}`;
    plan.documents.push({
      key: documentKey,
      refiGuid: source.guid,
      title: limits.fit(title, IMPORT_TEXT_LIMITS.documentTitle, "source", "source title(s)", title),
      text,
      textLength: codePointLength(text),
      checksum: createHash("sha256").update(text, "utf8").digest("hex"),
      sourceName: from,
      position: plan.documents.length,
      caseKey: null,
      turns: speakerTurns(text),
      positions: placement && reading ? { convention: placement.convention, own: reading.own } : null,
    });
    for (const guid of [source.guid, ...source.aliases]) plan.documentOf.set(guid, documentKey);
    if (reading?.own) report!.override(label, placement!.convention);

    let uncoded = 0;
    for (const selection of placement?.empty ?? []) {
      if (selection.codings.length === 0) continue;
      ctx.warnings.push({ kind: "coding", message: `A selection in "${label}" (positions ${selection.start}–${selection.end}) covers no text; its ${selection.codings.length} coding(s) were not imported.` });
      tally(ctx.notImported, "empty-selection", selection.codings.length);
    }
    for (const placed of placement?.placed ?? []) {
      const { selection } = placed;
      if (selection.codings.length === 0) {
        uncoded++;
        continue;
      }
      const span = { start: placed.start, end: placed.end, quote: placed.quote };
      const keys = selection.codings.map((coding) => addCoding(documentKey, coding, span, selection, label));
      plan.codingOf.set(selection.guid, keys[0]);
      const codes = selection.codings.map((coding) => ctx.codeNames.get(coding.codeGuid)).join(", ");
      const coders = [...new Set(keys.map((key) => coderOf.get(key)!))];
      report?.placed(label, codes, coders, placed);
      for (const issue of placed.issues) {
        ctx.warnings.push({ kind: "position", message: `"${label}", passage "${clip(placed.quote)}" at ${placed.start}–${placed.end} (${codes}): ${issue}.` });
      }
    }
    // Codings of the whole source (no selection): the whole text.
    for (const coding of source.codings) {
      if (text === "") continue;
      addCoding(documentKey, coding, { start: 0, end: codePointLength(text), quote: text }, null, label);
    }
    if (uncoded > 0) ctx.warnings.push({ kind: "coding", message: `${uncoded} selection(s) in "${label}" carry no code and were not imported.` });
  }

  for (const other of project.otherSources) {
    ctx.warnings.push({ kind: "source", message: `Skipped ${other.kind} source "${other.name ?? other.path ?? other.guid}": Grounded imports text sources only.${other.selections ? ` Its ${other.selections} selection(s) were not imported.` : ""}` });
    if (other.codings) tally(ctx.notImported, other.kind, other.codings);
  }
  limits.flush(ctx.warnings);
  if (merged > 0) ctx.warnings.push({ kind: "coding", message: `${merged} coding(s) repeated another by the same user with the same code on the same passage and were merged into it.` });
  if (otherCoder > 0) ctx.warnings.push({ kind: "user", message: `${otherCoder} coding(s) name a different user than their selection; each was credited to the selection's user, who made it.` });
  plan.positions = report?.report() ?? null;
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
