import { z } from "zod";

/**
 * Whose coding counts. Every figure (theme summaries, breakdowns, findings) is computed over
 * the *passages* a selection yields for each code and document; a passage is a span
 * [start, end) of code points of the document text:
 *
 * - any:    the union of every analyst's codings of the code. Spans that share at least one
 *           character are merged into one passage (spans that only touch, [0,5) and [5,9),
 *           stay two), so a sentence both analysts coded is one passage, not two.
 * - coder:  one analyst's codings, merged the same way.
 * - agreed: only what both analysts coded with the same code: first each analyst's spans are
 *           merged as above, then every non-empty intersection of one of A's passages with
 *           one of B's (same code, same document) is a passage. A codes [0,10), B codes [5,20)
 *           -> the agreed passage is [5,10). A code one analyst did not use has no agreed
 *           passages.
 *
 * - consensus: the consensus layer adjudication writes (ConsensusCoding rows of decisions
 *           not undone; lib/rigour/adjudication.ts), merged like one analyst's codings. It
 *           reads no analyst's codings directly, but its spans are copied from them, so
 *           blind mode withholds it as it does other analysts' codings (page-selection.ts).
 *
 * An interview (document) "has" a code under a selection when at least one passage exists.
 *
 * DEFAULT is "any": it is the only selection that means something in every project (a
 * project with one analyst, a project where analysts split the transcripts between them),
 * and it answers the report's question — does this theme come up in this interview? — with
 * all the evidence the team has. "agreed" is the stricter lens for checking a claim; it
 * needs two analysts who coded the same transcripts.
 *
 * Adding a layer (as "consensus" was) means one more member of the union below, a label, a
 * URL form, and one more branch where lib/analysis/sql.ts and lib/analysis/passages.ts turn
 * a selection into passages.
 */

const coderId = z.string().trim().min(1).max(64);

export const coderSelectionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("any") }),
  z.strictObject({ kind: z.literal("coder"), coderId }),
  z.strictObject({
    kind: z.literal("agreed"),
    coderIds: z.tuple([coderId, coderId]).refine(([a, b]) => a !== b, { message: "Choose two different analysts." }),
  }),
  z.strictObject({ kind: z.literal("consensus") }),
]);

export type CoderSelection = z.infer<typeof coderSelectionSchema>;

export const DEFAULT_CODER_SELECTION: CoderSelection = Object.freeze({ kind: "any" });

/** The analysts whose codings a selection reads, or null for all of them (none for the consensus layer). */
export function selectedCoderIds(selection: CoderSelection): string[] | null {
  switch (selection.kind) {
    case "any":
      return null;
    case "consensus":
      return [];
    case "coder":
      return [selection.coderId];
    case "agreed":
      return [...selection.coderIds];
  }
}

/** How the selection is named on every page and figure ("Any analyst", "Ana's coding"...). */
export function coderSelectionLabel(selection: CoderSelection, nameOf: (coderId: string) => string): string {
  switch (selection.kind) {
    case "any":
      return "Any analyst (union of all codings)";
    case "coder":
      return `${nameOf(selection.coderId)}'s coding only`;
    case "agreed":
      return `Agreed by ${nameOf(selection.coderIds[0])} and ${nameOf(selection.coderIds[1])} (passages both coded with the same code)`;
    case "consensus":
      return CONSENSUS_LABEL;
  }
}

export const CONSENSUS_LABEL = "Consensus coding (adjudicated)";

/** A short form for URLs: "any", "coder:<id>", "agreed:<id>,<id>", "consensus". */
export function coderSelectionToParam(selection: CoderSelection): string {
  switch (selection.kind) {
    case "any":
    case "consensus":
      return selection.kind;
    case "coder":
      return `coder:${selection.coderId}`;
    case "agreed":
      return `agreed:${selection.coderIds.join(",")}`;
  }
}

/** Reads the URL form: a missing value is the default, a malformed one is null (say so, show the default). */
export function coderSelectionFromParam(param: string | string[] | null | undefined): CoderSelection | null {
  if (param === undefined || param === null || param === "") return DEFAULT_CODER_SELECTION;
  if (Array.isArray(param)) return null;
  const [kind, rest = ""] = splitOnce(param, ":");
  const candidate =
    kind === "any" || kind === "consensus"
      ? { kind }
      : kind === "coder"
        ? { kind, coderId: rest }
        : kind === "agreed"
          ? { kind, coderIds: rest.split(",") }
          : null;
  const parsed = coderSelectionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
