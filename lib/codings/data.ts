import { analysisQuery } from "../analysis/data";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { AttributeType } from "../db/generated/enums";
import { type CoderVisibility, coderVisibility, maySee, type Viewer } from "../rigour/blind";
import { workspaceCodingView, type WorkspaceCoding, documentCaseSelect } from "./view";

/**
 * Everything the coding workspace needs for one transcript: the document with its turns and
 * case attributes, the live codebook (names and places, not definitions) with counts in the project, every
 * coding of the document under a live code that the viewer may see, the coders, and the
 * neighbouring documents.
 *
 * All in one round of queries sent at once, because the page waits for the slowest: a long
 * transcript's text, turns and codings are each the size of a page. So the blind-coding rule
 * (lib/rigour/blind.ts: a blind analyst gets only their own codings, a viewer none) is applied
 * here to the rows read, rather than first asking visibleCoderIds and querying afterwards;
 * the rule and its inputs are the same: the document's and the project's blind flags, and for
 * project-wide counts whether any document of the project is blind.
 *
 * The transcript page reads its first screens with getWorkspaceOpening (./opening.ts) and the
 * rest through its workspace route, which leaves out the project counts (options.projectCounts
 * false): the slowest read here, fetched beside it from getProjectCodeCounts, so that the
 * transcript is ready without waiting for a count of the whole project.
 */
export async function getWorkspace(projectId: string, documentId: string, viewer: Viewer, options: { projectCounts: boolean } = { projectCounts: true }) {
  const prisma = db();
  const [document, turns, project, codes, documentCodings, projectCodings, siblings, members] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, projectId },
      select: {
        id: true,
        title: true,
        text: true,
        textLength: true,
        blindCoding: true,
        case: documentCaseSelect,
      },
    }),
    // Read directly rather than through document.turns: the same rows, in half the time.
    prisma.speakerTurn.findMany({ where: { documentId }, orderBy: { index: "asc" }, select: { speaker: true, role: true, start: true, end: true, timestampMs: true } }),
    prisma.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, blindCoding: true } }),
    prisma.code.findMany({
      where: { projectId, deletedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      // What drawing a code needs; a code's definition is read when it is opened (lib/codes/data.ts).
      select: { id: true, parentId: true, name: true, colour: true, shortcut: true, position: true },
    }),
    prisma.coding.findMany({ where: { documentId, code: { deletedAt: null } }, orderBy: [{ start: "asc" }, { end: "desc" }], select: workspaceCodingView }),
    options.projectCounts ? projectCodingCounts(projectId) : [],
    prisma.document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, blindCoding: true } }),
    prisma.membership.findMany({ where: { projectId }, select: { role: true, user: { select: { id: true, name: true } } } }),
  ]);
  if (!document || !project) return null;

  const here = coderVisibility(viewer, project.blindCoding || document.blindCoding);
  const projectCounts = countVisible(projectCodings, coderVisibility(viewer, project.blindCoding || siblings.some((d) => d.blindCoding)));

  const visible = documentCodings.filter((c) => maySee(here, c.coderId));
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  // A coder who has since left the project still has a name to show.
  const strangers = [...new Set(visible.map((c) => c.coderId))].filter((id) => !names.has(id));
  if (strangers.length > 0) {
    for (const user of await prisma.user.findMany({ where: { id: { in: strangers } }, select: { id: true, name: true } })) names.set(user.id, user.name);
  }
  const codings: WorkspaceCoding[] = visible.map((c) => ({ ...c, coder: { name: names.get(c.coderId) ?? "" } }));

  const at = siblings.findIndex((d) => d.id === document.id);
  const coders = members.filter((m) => m.role !== "viewer").map((m) => m.user);
  const neighbour = (i: number) => (i >= 0 && i < siblings.length ? { id: siblings[i].id, title: siblings[i].title } : null);
  return {
    project: { id: project.id, name: project.name },
    /** True when blind coding hides other analysts' codings from this viewer. */
    blind: here !== "all",
    document: {
      id: document.id,
      title: document.title,
      text: document.text,
      textLength: document.textLength,
      turns,
      case: document.case && {
        id: document.case.id,
        name: document.case.name,
        attributes: document.case.values.map((v) => ({ name: v.attribute.name, type: v.attribute.type as AttributeType, value: v.textValue ?? v.numberValue ?? v.booleanValue })),
      },
    },
    codes,
    projectCounts,
    codings,
    coders: here === "all" ? coders : coders.filter((c) => here.includes(c.id)),
    previous: at > 0 ? neighbour(at - 1) : null,
    next: at >= 0 ? neighbour(at + 1) : null,
  };
}

/**
 * Codings per live code in the project that the viewer may see, as the codebook shows them:
 * blind when the project or any of its documents is (the counts mix documents), as getWorkspace's.
 * Null for a project that does not exist.
 */
export async function getProjectCodeCounts(projectId: string, viewer: Viewer): Promise<Record<string, number> | null> {
  const prisma = db();
  const [project, blindDocument, groups] = await Promise.all([
    prisma.project.findUnique({ where: { id: projectId }, select: { blindCoding: true } }),
    prisma.document.findFirst({ where: { projectId, blindCoding: true }, select: { id: true } }),
    projectCodingCounts(projectId),
  ]);
  if (!project) return null;
  return countVisible(groups, coderVisibility(viewer, project.blindCoding || blindDocument !== null));
}

function countVisible(groups: readonly { codeId: string; coderId: string; codings: number }[], visibility: CoderVisibility): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const group of groups) if (maySee(visibility, group.coderId)) counts[group.codeId] = (counts[group.codeId] ?? 0) + group.codings;
  return counts;
}

/**
 * Codings per code and analyst in the project (live codes only): a scan of every coding of the
 * project, 150,000 in a large study, and the slowest read of the workspace (about 300 ms through
 * Prisma's groupBy on a busy 2-core machine). As an analysis query it is hashed rather than
 * sorted and reused while the database has not changed (lib/analysis/snapshot-cache.ts), so
 * opening one transcript after another does not count the project again each time.
 */
function projectCodingCounts(projectId: string) {
  return analysisQuery<{ codeId: string; coderId: string; codings: number }>(Prisma.sql`
    SELECT k."codeId", k."coderId", count(*)::int AS codings
    FROM "Coding" k JOIN "Code" c ON c.id = k."codeId"
    WHERE k."projectId" = ${projectId} AND c."deletedAt" IS NULL
    GROUP BY k."codeId", k."coderId"`);
}

export type Workspace = NonNullable<Awaited<ReturnType<typeof getWorkspace>>>;
