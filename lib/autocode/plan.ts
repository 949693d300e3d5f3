import type { ProjectContext } from "../auth/project-access";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";
import { mergeSpans, turnAt, widen, type Span, type Turn } from "./extent";
import { MAX_SPANS, SAMPLE_CHARS, SAMPLE_SIZE } from "./limits";
import type { AutocodeSpansInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type PlannedPassage = Span & { documentId: string; quote: string; speaker: string | null; alreadyCoded: boolean };
export type Plan = { code: { id: string; name: string }; passages: PlannedPassage[]; titles: Map<string, string> };

export type SamplePassage = { documentId: string; documentTitle: string; speaker: string | null; start: number; end: number; text: string };
export type AutocodePreview = {
  code: { id: string; name: string };
  /** Passages after widening and merging. */
  passages: number;
  newCodings: number;
  alreadyCoded: number;
  /** Interviews that would get at least one new coding. */
  interviews: number;
  /** The first new passages in interview order, as examples. */
  sample: SamplePassage[];
};

/**
 * The passages a run would code: each span widened to the extent inside its document, merged
 * per document, and marked "already coded" when one of the CALLER'S OWN codings with the code
 * covers it (starts at or before it and ends at or after it: coding a sentence inside a turn
 * already coded as a whole would add nothing). Only the caller's codings are consulted, since a
 * run codes as the caller; so blind coding hides nothing here: others' work is never read.
 * The caller must have checked the code (lockUsableCodes) in the same transaction.
 */
export async function planAutocode(tx: Tx, ctx: ProjectContext, input: AutocodeSpansInput, code: { id: string; name: string }): Promise<Plan> {
  if (input.spans.length > MAX_SPANS) {
    throw new AppError("VALIDATION", `One run codes at most ${MAX_SPANS.toLocaleString("en")} passages and this one has ${input.spans.length.toLocaleString("en")}. Narrow it to fewer interviews or a more specific search.`);
  }
  const ids = [...new Set(input.spans.map((s) => s.documentId))];
  const documents = await tx.document.findMany({
    where: { projectId: ctx.projectId, id: { in: ids } },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, text: true, turns: { orderBy: { start: "asc" }, select: { index: true, speaker: true, start: true, end: true } } },
  });
  if (documents.length !== ids.length) throw notFound("An interview");
  const existing = await tx.coding.findMany({
    where: { projectId: ctx.projectId, codeId: code.id, coderId: ctx.user.id, documentId: { in: ids } },
    orderBy: { start: "asc" },
    select: { documentId: true, start: true, end: true },
  });

  const byDocument = new Map<string, Span[]>();
  for (const s of input.spans) (byDocument.get(s.documentId) ?? byDocument.set(s.documentId, []).get(s.documentId)!).push(s);
  const passages: PlannedPassage[] = [];
  for (const document of documents) {
    const chars = Array.from(document.text);
    const turns: Turn[] = document.turns;
    const spans = byDocument.get(document.id)!;
    for (const s of spans) {
      // Spans from a search skip the zod schema: the core checks what it relies on itself.
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.start >= s.end) throw new AppError("VALIDATION", "A passage must start before it ends, at whole-number offsets from 0.");
      if (s.end > chars.length) throw new AppError("VALIDATION", `A passage ends at ${s.end}, after the end of "${document.title}" (${chars.length} characters).`);
    }
    const merged = mergeSpans(spans.map((s) => widen(chars, turns, s, input.extent)));
    const covered = coveredBy(existing.filter((c) => c.documentId === document.id), merged);
    merged.forEach((p, i) =>
      passages.push({ ...p, documentId: document.id, quote: chars.slice(p.start, p.end).join(""), speaker: turnAt(turns, p.start)?.speaker ?? null, alreadyCoded: covered[i] }),
    );
  }
  return { code, passages, titles: new Map(documents.map((d) => [d.id, d.title])) };
}

/**
 * For passages sorted by start, whether a coding (sorted by start) covers each: one sweep
 * keeping the furthest end among codings starting at or before the passage.
 */
function coveredBy(codings: readonly Span[], passages: readonly Span[]): boolean[] {
  let i = 0;
  let furthest = -1;
  return passages.map((p) => {
    while (i < codings.length && codings[i].start <= p.start) furthest = Math.max(furthest, codings[i++].end);
    return furthest >= p.end;
  });
}

export function summarize(plan: Plan): AutocodePreview {
  const fresh = plan.passages.filter((p) => !p.alreadyCoded);
  return {
    code: plan.code,
    passages: plan.passages.length,
    newCodings: fresh.length,
    alreadyCoded: plan.passages.length - fresh.length,
    interviews: new Set(fresh.map((p) => p.documentId)).size,
    sample: fresh.slice(0, SAMPLE_SIZE).map((p) => ({
      documentId: p.documentId,
      documentTitle: plan.titles.get(p.documentId) ?? "",
      speaker: p.speaker,
      start: p.start,
      end: p.end,
      text: cut(p.quote),
    })),
  };
}

function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length <= SAMPLE_CHARS ? text : `${chars.slice(0, SAMPLE_CHARS).join("").trimEnd()}…`;
}
