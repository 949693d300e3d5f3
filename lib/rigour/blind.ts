import { db } from "../db/client";
import type { MemberRole } from "../db/generated/enums";
import { notFound } from "../errors";

/**
 * Blind double coding: while a project (Project.blindCoding) or a document
 * (Document.blindCoding) is blind, an analyst sees only their own codings, a viewer sees none,
 * and an owner sees all, until an owner reveals (turns blind mode off). Every read that could
 * send codings, or figures computed from them, to the browser asks this module first: the
 * server enforces it, the UI only follows.
 */

export type Viewer = { id: string; role: MemberRole };

/** "all", or the ids of the analysts whose codings the viewer may see (possibly none). */
export type CoderVisibility = "all" | string[];

/** The rule itself, for one blind flag: pure, so pages and tests can share it. */
export function coderVisibility(viewer: Viewer, blind: boolean): CoderVisibility {
  if (!blind || viewer.role === "owner") return "all";
  return viewer.role === "analyst" ? [viewer.id] : [];
}

/** Whether the visibility covers every one of `coderIds`. */
export function seesAll(visibility: CoderVisibility, coderIds: readonly string[]): boolean {
  return visibility === "all" || coderIds.every((id) => visibility.includes(id));
}

/** Whether a coding by `coderId` may be shown under the visibility. */
export function maySee(visibility: CoderVisibility, coderId: string): boolean {
  return visibility === "all" || visibility.includes(coderId);
}

/**
 * Whose codings `viewer` may see in one document, or project-wide (documentId null). The
 * project-wide answer is for views that mix documents and cannot filter per document: it is
 * blind when the project or ANY of its documents is blind, so it never leaks; views that can
 * filter per document should use documentVisibility. A document of another project is
 * NOT_FOUND.
 */
export async function visibleCoderIds(projectId: string, documentId: string | null, viewer: Viewer): Promise<CoderVisibility> {
  if (viewer.role === "owner") return "all";
  const project = await db().project.findUnique({ where: { id: projectId }, select: { blindCoding: true } });
  if (!project) throw notFound("That project");
  if (documentId === null) {
    const blindDocument = project.blindCoding ? null : await db().document.findFirst({ where: { projectId, blindCoding: true }, select: { id: true } });
    return coderVisibility(viewer, project.blindCoding || blindDocument !== null);
  }
  const document = await db().document.findFirst({ where: { id: documentId, projectId }, select: { blindCoding: true } });
  if (!document) throw notFound("That document");
  return coderVisibility(viewer, project.blindCoding || document.blindCoding);
}

/**
 * The visibility in each of the project's documents at once (one query), for views over
 * many documents: documents missing from the map are not in the project.
 */
export async function documentVisibility(projectId: string, viewer: Viewer): Promise<Map<string, CoderVisibility>> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { blindCoding: true, documents: { select: { id: true, blindCoding: true } } },
  });
  if (!project) throw notFound("That project");
  return new Map(project.documents.map((d) => [d.id, coderVisibility(viewer, project.blindCoding || d.blindCoding)]));
}

/** The project's blind state for the Blind mode page. */
export async function getBlindState(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: {
      blindCoding: true,
      documents: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, blindCoding: true } },
    },
  });
  if (!project) throw notFound("That project");
  return project;
}

/**
 * A reader's whole view of a project's codings, read once (one query) for reads that mix
 * documents and can filter per row: exports, findings evidence, anything that lists codings.
 * `everywhere` is the project-wide answer (blind if the project or any document is).
 */
export type ReadScope = { viewer: Viewer; everywhere: CoderVisibility; documents: ReadonlyMap<string, CoderVisibility> };

export async function readScope(projectId: string, viewer: Viewer): Promise<ReadScope> {
  const documents = await documentVisibility(projectId, viewer);
  const blindSomewhere = [...documents.values()].some((v) => v !== "all");
  return { viewer, everywhere: blindSomewhere ? coderVisibility(viewer, true) : "all", documents };
}

/** Whether a coding (by `coderId`, in `documentId`) may reach the reader. Unknown documents: no. */
export function mayRead(scope: ReadScope, coding: { documentId: string; coderId: string }): boolean {
  if (scope.everywhere === "all") return true;
  const visibility = scope.documents.get(coding.documentId);
  return visibility !== undefined && maySee(visibility, coding.coderId);
}

/** Everything, for the server's operator at the command line (scripts, benchmarks, tests): never for a signed-in reader. */
export const OPERATOR_SCOPE: ReadScope = Object.freeze({ viewer: { id: "", role: "owner" as const }, everywhere: "all" as const, documents: new Map() });
