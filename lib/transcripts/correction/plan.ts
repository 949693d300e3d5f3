import type { Hunk } from "./diff";
import { reanchor } from "./reanchor";

/**
 * What a correction will do to every span of a document, decided before anything is written:
 * the preview shows its counts, the mutation carries it out. Pure.
 *
 * Every coding ends in exactly one of: unchanged (same place), moved (same quote, new
 * offsets), edited (new quote, flagged), detached (listed to be re-placed). One more reason to
 * detach: two codings of one analyst with one code that the correction would put on the very
 * same span (their difference was deleted) cannot both stay live (the unique key of codings);
 * the one whose text is intact stays, the other is listed like a deleted one, nothing is lost.
 */
export type PlanCoding = { id: string; codeId: string; coderId: string; start: number; end: number; quote: string };
export type PlanConsensus = { id: string; codeId: string; start: number; end: number; quote: string };
export type PlanTurn = { id: string; start: number; end: number };

export type Move = { id: string; start: number; end: number; quote: string };
export type Flag = { id: string; codeId: string; coderId: string | null; oldStart: number; oldEnd: number; oldQuote: string; newQuote: string | null };
export type SpanCounts = { kept: number; edited: number; detached: number };

export type CorrectionPlan = {
  codingMoves: Move[];
  codingEdited: Flag[];
  codingDetached: Flag[];
  consensusMoves: Move[];
  consensusEdited: Flag[];
  consensusDetached: Flag[];
  turnMoves: { id: string; start: number; end: number }[];
  /** Analysts' codings and consensus codings together. */
  counts: SpanCounts;
};

export function planCorrection(input: {
  oldText: string;
  newText: string;
  hunks: Hunk[];
  codings: readonly PlanCoding[];
  consensus: readonly PlanConsensus[];
  turns: readonly PlanTurn[];
  /** The corrected turn: its old span and its new length; later turns move by the difference. */
  editedTurn: { id: string; start: number; end: number; newLength: number };
}): CorrectionPlan {
  const { oldText, newText, hunks } = input;
  const counts: SpanCounts = { kept: 0, edited: 0, detached: 0 };

  const codingMoves: Move[] = [];
  const codingEdited: Flag[] = [];
  const codingDetached: Flag[] = [];
  const mapped = reanchor(oldText, newText, input.codings, hunks);
  // Intact codings claim their places first, so a duplicate is always one whose text changed.
  const order = mapped.map((_, i) => i).sort((a, b) => rank(mapped[a].result.status) - rank(mapped[b].result.status));
  const taken = new Set<string>();
  for (const i of order) {
    const { span: c, result, quote } = mapped[i];
    const flag = { id: c.id, codeId: c.codeId, coderId: c.coderId, oldStart: c.start, oldEnd: c.end, oldQuote: c.quote, newQuote: quote };
    if (result.status === "detached") {
      codingDetached.push(flag);
      continue;
    }
    const key = `${c.codeId}\u0000${c.coderId}\u0000${result.start}\u0000${result.end}`;
    if (taken.has(key)) {
      codingDetached.push(flag);
      continue;
    }
    taken.add(key);
    if (result.status === "edited") codingEdited.push(flag);
    if (result.start !== c.start || result.end !== c.end || quote !== c.quote) codingMoves.push({ id: c.id, start: result.start, end: result.end, quote: quote! });
  }

  const consensusMoves: Move[] = [];
  const consensusEdited: Flag[] = [];
  const consensusDetached: Flag[] = [];
  for (const { span: c, result, quote } of reanchor(oldText, newText, input.consensus, hunks)) {
    const flag = { id: c.id, codeId: c.codeId, coderId: null, oldStart: c.start, oldEnd: c.end, oldQuote: c.quote, newQuote: quote };
    if (result.status === "detached") consensusDetached.push(flag);
    else {
      if (result.status === "edited") consensusEdited.push(flag);
      if (result.start !== c.start || result.end !== c.end || quote !== c.quote) consensusMoves.push({ id: c.id, start: result.start, end: result.end, quote: quote! });
    }
  }

  counts.detached = codingDetached.length + consensusDetached.length;
  counts.edited = codingEdited.length + consensusEdited.length;
  counts.kept = input.codings.length + input.consensus.length - counts.detached - counts.edited;

  // Turns are re-anchored exactly rather than by the diff: text typed at the very start or end
  // of a turn belongs to that turn, which the coding rule (edges stay outside) would not give.
  const { editedTurn } = input;
  const delta = editedTurn.newLength - (editedTurn.end - editedTurn.start);
  const turnMoves = input.turns.flatMap((t) => {
    if (t.id === editedTurn.id) return t.end - t.start === editedTurn.newLength ? [] : [{ id: t.id, start: t.start, end: t.start + editedTurn.newLength }];
    if (delta !== 0 && t.start >= editedTurn.end) return [{ id: t.id, start: t.start + delta, end: t.end + delta }];
    return [];
  });

  return { codingMoves, codingEdited, codingDetached, consensusMoves, consensusEdited, consensusDetached, turnMoves, counts };
}

function rank(status: "kept" | "edited" | "detached"): number {
  return status === "kept" ? 0 : status === "edited" ? 1 : 2;
}
