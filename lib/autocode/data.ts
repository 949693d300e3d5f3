import { db } from "../db/client";
import { visibleCoderIds, type Viewer } from "../rigour/blind";
import { RUNS_SHOWN } from "./limits";

export type BatchSummary = {
  id: string;
  actorName: string;
  createdAt: Date;
  code: { id: string; name: string; deleted: boolean } | null;
  kind: string;
  summary: string;
  extent: string;
  newCodings: number;
  /** Codings of the run that still exist (after an undo: those kept because someone worked on them). */
  present: number;
  undoneAt: Date | null;
  mayUndo: boolean;
};

/**
 * The project's recent auto-coding runs, newest first. Under blind coding an analyst sees only
 * their own runs (a run names codings' count and passages' source) and a viewer none; owners and
 * everyone in an open project see all. The project-wide visibility is used because a run spans
 * documents. `kind` keeps to one source's runs (the search page lists its own).
 */
export async function listBatches(projectId: string, viewer: Viewer, { kind, take = RUNS_SHOWN }: { kind?: "search" | "speaker" | "pattern"; take?: number } = {}): Promise<BatchSummary[]> {
  const visibility = await visibleCoderIds(projectId, null, viewer);
  const batches = await db().codingBatch.findMany({
    where: { projectId, ...(kind ? { kind } : {}), ...(visibility === "all" ? {} : { actorId: { in: visibility } }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, actorId: true, codeId: true, kind: true, source: true, createdAt: true, undoneAt: true, actor: { select: { name: true } }, _count: { select: { codings: true } } },
  });
  const codes = await db().code.findMany({ where: { projectId, id: { in: [...new Set(batches.map((b) => b.codeId))] } }, select: { id: true, name: true, deletedAt: true } });
  const byId = new Map(codes.map((c) => [c.id, { id: c.id, name: c.name, deleted: c.deletedAt !== null }]));
  return batches.map((b) => {
    const source = (b.source ?? {}) as { summary?: unknown; extent?: unknown; newCodings?: unknown };
    return {
      id: b.id,
      actorName: b.actor?.name ?? "A former member",
      createdAt: b.createdAt,
      code: byId.get(b.codeId) ?? null,
      kind: b.kind,
      summary: typeof source.summary === "string" ? source.summary : b.kind,
      extent: typeof source.extent === "string" ? source.extent : "hit",
      newCodings: typeof source.newCodings === "number" ? source.newCodings : b._count.codings,
      present: b._count.codings,
      undoneAt: b.undoneAt,
      mayUndo: b.undoneAt === null && (b.actorId === viewer.id || viewer.role === "owner"),
    };
  });
}

/** What the auto-coding page offers: the interviews and the speaker labels found in them (transcript text, not codings). */
export async function autocodePageContext(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { name: true, documents: { orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } } },
  });
  if (!project) return null;
  const speakers = await db().speakerTurn.groupBy({ by: ["speaker"], where: { document: { projectId } }, _count: { _all: true }, orderBy: { speaker: "asc" }, take: 500 });
  return { name: project.name, documents: project.documents, speakers: speakers.map((s) => ({ name: s.speaker, turns: s._count._all })) };
}
