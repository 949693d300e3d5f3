import type { Prisma } from "../db/generated/client";
import type { SpeakerRole } from "../db/generated/enums";

/** A transcript's case with its attribute values in the codebook's order, as the workspace shows it. */
export const documentCaseSelect = {
  select: {
    id: true,
    name: true,
    values: {
      orderBy: { attribute: { position: "asc" } },
      select: { textValue: true, numberValue: true, booleanValue: true, attribute: { select: { name: true, type: true } } },
    },
  },
} satisfies Prisma.Document$caseArgs;

/** The columns of a coding the workspace shows, with its code and coder. */
export const codingView = {
  id: true,
  documentId: true,
  codeId: true,
  coderId: true,
  start: true,
  end: true,
  quote: true,
  memo: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  coder: { select: { name: true } },
} satisfies Prisma.CodingSelect;

export type CodingView = Prisma.CodingGetPayload<{ select: typeof codingView }>;

/**
 * The workspace's list of codings: what the transcript and the coding details show, and no
 * more, because a long transcript sends a thousand of them with the page. The quote is left
 * out (the browser has the text and cuts quotes itself), so are the document (the page is
 * about one) and the creation date (nothing shows it). The coder's name is filled in from
 * the project's members rather than joined per row (lib/codings/data.ts).
 * A CodingView, as the coding actions return it, is a WorkspaceCoding too.
 */
export const workspaceCodingView = {
  id: true,
  codeId: true,
  coderId: true,
  start: true,
  end: true,
  memo: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.CodingSelect;

export type WorkspaceCoding = Prisma.CodingGetPayload<{ select: typeof workspaceCodingView }> & { coder: { name: string } };

/** A speaker turn as the workspace shows it. */
export type WorkspaceTurn = { speaker: string; role: SpeakerRole; start: number; end: number; timestampMs: number | null };

/**
 * How the transcript's turns and codings travel with the page: as one JSON string each, of
 * rows that point into small tables of codes, coders and speakers, instead of a thousand
 * objects. The page's props are serialized for React (RSC), read back to render the HTML,
 * and embedded in that HTML for the browser to read once more; as objects, with their keys
 * and ids repeated on every row, a long transcript's codings and turns were larger than its
 * text and took longer to serialize than to load. The page packs them, the workspace
 * component unpacks them once; the round trip is exact (tests/unit/codings/view.test.ts).
 */
export type PackedRows = { turns: string; codings: string };

type CodingRow = [id: string, code: number, coder: number, start: number, end: number, version: number, updatedAt: number, memo: string];
type TurnRow = [speaker: number, start: number, end: number, timestampMs: number | null];

export function packWorkspaceRows(turns: readonly WorkspaceTurn[], codings: readonly WorkspaceCoding[]): PackedRows {
  const speakers = new Table<[string, SpeakerRole]>();
  const turnRows = turns.map((t): TurnRow => [speakers.index(`${t.role}\u0000${t.speaker}`, () => [t.speaker, t.role]), t.start, t.end, t.timestampMs]);
  const codes = new Table<string>();
  const coders = new Table<[string, string]>();
  const codingRows = codings.map((c): CodingRow => [
    c.id,
    codes.index(c.codeId, () => c.codeId),
    coders.index(c.coderId, () => [c.coderId, c.coder.name]),
    c.start,
    c.end,
    c.version,
    c.updatedAt.getTime(),
    c.memo,
  ]);
  return {
    turns: JSON.stringify({ speakers: speakers.values, rows: turnRows }),
    codings: JSON.stringify({ codes: codes.values, coders: coders.values, rows: codingRows }),
  };
}

export function unpackWorkspaceRows(packed: PackedRows): { turns: WorkspaceTurn[]; codings: WorkspaceCoding[] } {
  const t = JSON.parse(packed.turns) as { speakers: [string, SpeakerRole][]; rows: TurnRow[] };
  const c = JSON.parse(packed.codings) as { codes: string[]; coders: [string, string][]; rows: CodingRow[] };
  return {
    turns: t.rows.map(([speaker, start, end, timestampMs]) => ({ speaker: t.speakers[speaker][0], role: t.speakers[speaker][1], start, end, timestampMs })),
    codings: c.rows.map(([id, code, coder, start, end, version, updatedAt, memo]) => ({
      id,
      codeId: c.codes[code],
      coderId: c.coders[coder][0],
      start,
      end,
      memo,
      version,
      updatedAt: new Date(updatedAt),
      coder: { name: c.coders[coder][1] },
    })),
  };
}

/** Distinct values by key, each with its position in order of first appearance. */
class Table<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<string, number>();
  index(key: string, value: () => T): number {
    let at = this.positions.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value());
      this.positions.set(key, at);
    }
    return at;
  }
}
