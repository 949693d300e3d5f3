import { db } from "../db/client";
import type { AttributeType } from "../db/generated/enums";
import { coderVisibility, maySee, type Viewer } from "../rigour/blind";
import { openingWindow, type OpeningWindow, type Span } from "./opening-window";
import { workspaceCodingView, type WorkspaceCoding, documentCaseSelect } from "./view";

/** What a link asks the transcript to show: a coding (?coding=) or a span (?start=&end=, code points). */
export type FocusRequest = { codingId?: string; start?: number; end?: number };

/**
 * What the transcript page sends first (issue 14.3): the workspace's frame (document, case,
 * project, coders, neighbours), the window of text the first screens show (lib/codings/
 * opening-window.ts) with its turns and the codings that touch it, and of the codebook only
 * the codes those codings use (with their parents, so paths read whole) and their counts in
 * the document: with 2,000 codings nearly every code of a 1,000-code codebook is used somewhere
 * in the document, while a window's codings use a few dozen. The whole transcript, its codings and the whole codebook with project counts come
 * after, from getWorkspace (lib/codings/data.ts) through the workspace route. The project-wide
 * counts, a scan of every coding of the project, are not read here at all.
 *
 * The blind-coding rule (lib/rigour/blind.ts) is applied to the rows read, as getWorkspace
 * does: a blind analyst gets only their own codings, a viewer none; a link to a coding the
 * viewer may not see focuses nothing.
 */
export async function getWorkspaceOpening(projectId: string, documentId: string, viewer: Viewer, request: FocusRequest) {
  const prisma = db();
  const [document, turns, project, codes, documentCounts, siblings, members, focusCoding] = await Promise.all([
    prisma.document.findFirst({
      where: { id: documentId, projectId },
      select: {
        id: true,
        title: true,
        textLength: true,
        blindCoding: true,
        case: documentCaseSelect,
      },
    }),
    prisma.speakerTurn.findMany({ where: { documentId }, orderBy: { index: "asc" }, select: { speaker: true, role: true, start: true, end: true, timestampMs: true } }),
    prisma.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, blindCoding: true } }),
    prisma.code.findMany({
      where: { projectId, deletedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, parentId: true, name: true, colour: true, shortcut: true, position: true },
    }),
    prisma.coding.groupBy({ by: ["codeId", "coderId"], where: { documentId, code: { deletedAt: null } }, _count: { _all: true } }),
    prisma.document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
    prisma.membership.findMany({ where: { projectId }, select: { role: true, user: { select: { id: true, name: true } } } }),
    request.codingId ? prisma.coding.findFirst({ where: { id: request.codingId, documentId, code: { deletedAt: null } }, select: { start: true, end: true, coderId: true } }) : null,
  ]);
  if (!document || !project) return null;
  const here = coderVisibility(viewer, project.blindCoding || document.blindCoding);

  const focus = focusOf(request, focusCoding && maySee(here, focusCoding.coderId) ? focusCoding : null, document.textLength);
  const window = openingWindow(turns, document.textLength, focus);
  const [[slice], windowCodings] = await Promise.all([
    // substr counts characters, which PostgreSQL (UTF-8) takes as code points: the app's offsets.
    prisma.$queryRaw<{ text: string }[]>`SELECT substr(text, ${window.start + 1}, ${window.end - window.start}) AS text FROM "Document" WHERE id = ${documentId}`,
    prisma.coding.findMany({
      where: { documentId, code: { deletedAt: null }, start: { lt: window.end }, end: { gt: window.start } },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: workspaceCodingView,
    }),
  ]);

  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  const visible = windowCodings.filter((c) => maySee(here, c.coderId));
  const strangers = [...new Set(visible.map((c) => c.coderId))].filter((id) => !names.has(id));
  if (strangers.length > 0) {
    for (const user of await prisma.user.findMany({ where: { id: { in: strangers } }, select: { id: true, name: true } })) names.set(user.id, user.name);
  }
  const codings: WorkspaceCoding[] = visible.map((c) => ({ ...c, coder: { name: names.get(c.coderId) ?? "" } }));

  // The codes drawn in the window, with their parents; their counts in the whole document.
  const drawn = usedWithParents(codes, new Set(codings.map((c) => c.codeId)));
  const sent = new Set(drawn.map((c) => c.id));
  const docCounts: Record<string, number> = {};
  for (const group of documentCounts) {
    if (sent.has(group.codeId) && maySee(here, group.coderId)) docCounts[group.codeId] = (docCounts[group.codeId] ?? 0) + group._count._all;
  }
  const at = siblings.findIndex((d) => d.id === document.id);
  const coders = members.filter((m) => m.role !== "viewer").map((m) => m.user);
  const neighbour = (i: number) => (i >= 0 && i < siblings.length ? siblings[i] : null);
  return {
    project: { id: project.id, name: project.name },
    /** True when blind coding hides other analysts' codings from this viewer. */
    blind: here !== "all",
    document: {
      id: document.id,
      title: document.title,
      textLength: document.textLength,
      case: document.case && {
        id: document.case.id,
        name: document.case.name,
        attributes: document.case.values.map((v) => ({ name: v.attribute.name, type: v.attribute.type as AttributeType, value: v.textValue ?? v.numberValue ?? v.booleanValue })),
      },
    },
    window: { ...window, text: slice?.text ?? "" } satisfies OpeningWindow & { text: string },
    turns: turns.slice(window.firstTurn, window.lastTurn),
    codings,
    codes: drawn,
    /** The whole codebook's size: the panel opens collapsed when it is large, as it will be once all of it is there. */
    codebookSize: codes.length,
    docCounts,
    coders: here === "all" ? coders : coders.filter((c) => here.includes(c.id)),
    previous: at > 0 ? neighbour(at - 1) : null,
    next: at >= 0 ? neighbour(at + 1) : null,
    focus,
  };
}

export type WorkspaceOpening = NonNullable<Awaited<ReturnType<typeof getWorkspaceOpening>>>;

function focusOf(request: FocusRequest, coding: Span | null, textLength: number): Span | null {
  if (request.codingId) return coding ? { start: coding.start, end: coding.end } : null;
  const { start, end } = request;
  if (Number.isInteger(start) && Number.isInteger(end) && 0 <= start! && start! < end! && end! <= textLength) return { start: start!, end: end! };
  return null;
}

/** The codes of `used`, and their ancestors, in the codebook's order. */
function usedWithParents<T extends { id: string; parentId: string | null }>(codes: T[], used: ReadonlySet<string>): T[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const keep = new Set<string>();
  for (const id of used) {
    for (let code = byId.get(id); code && !keep.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) keep.add(code.id);
  }
  return codes.filter((c) => keep.has(c.id));
}
