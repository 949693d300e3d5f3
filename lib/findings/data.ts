import type { CoderSelection } from "../analysis/coder-selection";
import { db } from "../db/client";
import { mayRead, type ReadScope } from "../rigour/blind";
import type { Prisma } from "../db/generated/client";
import { type FindingFigure, readStoredFigure } from "./figure";
import { computeFigure, loadFigureContext } from "./figures-data";
import type { FigureResult } from "./result";
import { compareStated, type StatedComparison } from "./stated";

/**
 * The findings report: each finding with its figure computed now under the chosen coder
 * selection, the stated figure compared with it, and its pinned passages. Callers (pages)
 * have checked the reader's access to the project.
 */

export type EvidenceView = {
  codingId: string;
  position: number;
  documentId: string;
  documentTitle: string;
  caseName: string | null;
  codeId: string;
  codeName: string;
  /** The passage's code was deleted since it was pinned: show it, flagged, until someone unpins it. */
  codeDeleted: boolean;
  coderId: string;
  coderName: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  /** The speaker turn the passage starts in (its speaker and 1-based number), where the transcript has turns. */
  speaker: string | null;
  turn: number | null;
};

export type FindingView = {
  id: string;
  position: number;
  statement: string;
  figure: FindingFigure | null;
  statedValue: number | null;
  statedText: string;
  version: number;
  createdBy: { id: string; name: string };
  updatedAt: Date;
  /** The stored figure does not validate (written outside the app): shown as such, never computed from a guess. */
  figureProblem: string | null;
  /** Null without a figure (a qualitative finding) or with an invalid one. */
  result: FigureResult | null;
  /** Null without a stated value, or when there is no computed value to compare. */
  comparison: StatedComparison | null;
  evidence: EvidenceView[];
};

export type FindingsReport = { selection: CoderSelection; selectionLabel: string; findings: FindingView[] };

const findingRead = {
  id: true,
  position: true,
  statement: true,
  figure: true,
  statedValue: true,
  statedText: true,
  version: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
  evidence: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      coding: {
        select: {
          id: true,
          start: true,
          end: true,
          quote: true,
          memo: true,
          document: { select: { id: true, title: true, case: { select: { name: true } } } },
          code: { select: { id: true, name: true, deletedAt: true } },
          coder: { select: { id: true, name: true } },
        },
      },
    },
  },
} satisfies Prisma.FindingSelect;

type FindingRead = Prisma.FindingGetPayload<{ select: typeof findingRead }>;

/**
 * `reader` (lib/rigour/blind.ts) is required: pinned passages of codings blind coding hides
 * from the reader are left out here, so no page, export or action can send them.
 */
export async function getFindingsReport(projectId: string, selection: CoderSelection, reader: ReadScope): Promise<FindingsReport> {
  const rows = await db().finding.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: findingRead });
  return buildReport(projectId, selection, rows, reader);
}

/** One finding, computed; null for an id that is not a finding of this project. */
export async function getFinding(projectId: string, findingId: string, selection: CoderSelection, reader: ReadScope): Promise<FindingView | null> {
  const row = await db().finding.findFirst({ where: { id: findingId, projectId }, select: findingRead });
  return row ? (await buildReport(projectId, selection, [row], reader)).findings[0] : null;
}

async function buildReport(projectId: string, selection: CoderSelection, rows: FindingRead[], reader: ReadScope): Promise<FindingsReport> {
  const stored = rows.map((row) => readStoredFigure(row.figure));
  const ctx = await loadFigureContext(projectId, selection, stored.flatMap((s) => (s.figure ? [s.figure] : [])));
  const findings = await Promise.all(
    rows.map(async (row, i): Promise<FindingView> => {
      const { figure, problem } = stored[i];
      const result = figure ? await computeFigure(ctx, figure) : null;
      const statedAs = figure && figure.kind !== "code-ranking" ? figure.statedAs : undefined;
      const comparison = result?.value != null && row.statedValue !== null && figure?.kind !== "code-ranking" ? compareStated(result.value, row.statedValue, row.statedText, statedAs) : null;
      return {
        id: row.id,
        position: row.position,
        statement: row.statement,
        figure,
        statedValue: row.statedValue,
        statedText: row.statedText,
        version: row.version,
        createdBy: row.createdBy,
        updatedAt: row.updatedAt,
        figureProblem: problem,
        result,
        comparison,
        evidence: row.evidence.filter(({ coding }) => mayRead(reader, { documentId: coding.document.id, coderId: coding.coder.id })).map(({ position, coding }): EvidenceView => ({
          codingId: coding.id,
          position,
          documentId: coding.document.id,
          documentTitle: coding.document.title,
          caseName: coding.document.case?.name ?? null,
          codeId: coding.code.id,
          codeName: coding.code.name,
          codeDeleted: coding.code.deletedAt !== null,
          coderId: coding.coder.id,
          coderName: coding.coder.name,
          start: coding.start,
          end: coding.end,
          quote: coding.quote,
          memo: coding.memo,
          speaker: null,
          turn: null,
        })),
      };
    }),
  );
  await placeInTurns(findings.flatMap((f) => f.evidence));
  return { selection, selectionLabel: ctx.selectionLabel, findings };
}

/** Fills in who speaks where each passage starts (one query for the whole report), so a quote can be cited as "P01, Ana, turn 12". */
async function placeInTurns(evidence: EvidenceView[]) {
  if (evidence.length === 0) return;
  // The turn a passage starts in is the last one starting at or before it (a passage may begin in a speaker's label), as the quotes export cites it.
  const rows = await db().$queryRaw<{ i: bigint; index: number | null; speaker: string | null }[]>`
    SELECT e.i, t.index, t.speaker
    FROM unnest(${evidence.map((e) => e.documentId)}::text[], ${evidence.map((e) => e.start)}::int[]) WITH ORDINALITY AS e(doc, st, i)
    LEFT JOIN LATERAL (
      SELECT s.index, s.speaker FROM "SpeakerTurn" s WHERE s."documentId" = e.doc AND s.start <= e.st ORDER BY s.start DESC LIMIT 1
    ) t ON true`;
  for (const row of rows) {
    const e = evidence[Number(row.i) - 1];
    if (row.index !== null) Object.assign(e, { speaker: row.speaker, turn: row.index + 1 });
  }
}
