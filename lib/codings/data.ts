import { db } from "../db/client";
import type { AttributeType } from "../db/generated/enums";
import { visibleCoderIds, type Viewer } from "../rigour/blind";
import { workspaceCodingView } from "./view";

/**
 * Everything the coding workspace needs for one transcript, in one round of queries:
 * the document with its turns and case attributes, the live codebook with counts in this
 * document and in the project, every coding of the document under a live code that the
 * viewer may see (blind coding sends an analyst only their own: lib/rigour/blind.ts), the
 * coders, and the neighbouring documents.
 */
export async function getWorkspace(projectId: string, documentId: string, viewer: Viewer) {
  const prisma = db();
  const document = await prisma.document.findFirst({
    where: { id: documentId, projectId },
    select: {
      id: true,
      title: true,
      text: true,
      textLength: true,
      position: true,
      turns: { orderBy: { index: "asc" }, select: { index: true, speaker: true, role: true, start: true, end: true, timestampMs: true } },
      case: {
        select: {
          id: true,
          name: true,
          values: {
            orderBy: { attribute: { position: "asc" } },
            select: { textValue: true, numberValue: true, booleanValue: true, attribute: { select: { name: true, type: true } } },
          },
        },
      },
    },
  });
  if (!document) return null;

  const [here, everywhere] = await Promise.all([visibleCoderIds(projectId, documentId, viewer), visibleCoderIds(projectId, null, viewer)]);
  const onlyCoders = (visibility: typeof here) => (visibility === "all" ? {} : { coderId: { in: visibility } });
  const [project, codes, codings, projectCounts, siblings, members] = await Promise.all([
    prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true } }),
    prisma.code.findMany({
      where: { projectId, deletedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, parentId: true, name: true, colour: true, description: true, inclusion: true, exclusion: true, example: true, shortcut: true, position: true },
    }),
    prisma.coding.findMany({ where: { documentId, code: { deletedAt: null }, ...onlyCoders(here) }, orderBy: [{ start: "asc" }, { end: "desc" }], select: workspaceCodingView }),
    prisma.coding.groupBy({ by: ["codeId"], where: { projectId, code: { deletedAt: null }, ...onlyCoders(everywhere) }, _count: { _all: true } }),
    prisma.document.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
    prisma.membership.findMany({ where: { projectId }, select: { role: true, user: { select: { id: true, name: true } } } }),
  ]);

  const at = siblings.findIndex((d) => d.id === document.id);
  const coders = members.filter((m) => m.role !== "viewer").map((m) => m.user);
  return {
    project,
    /** True when blind coding hides other analysts' codings from this viewer. */
    blind: here !== "all",
    document: {
      id: document.id,
      title: document.title,
      text: document.text,
      textLength: document.textLength,
      turns: document.turns,
      case: document.case && {
        id: document.case.id,
        name: document.case.name,
        attributes: document.case.values.map((v) => ({ name: v.attribute.name, type: v.attribute.type as AttributeType, value: v.textValue ?? v.numberValue ?? v.booleanValue })),
      },
    },
    codes,
    projectCounts: Object.fromEntries(projectCounts.map((c) => [c.codeId, c._count._all])) as Record<string, number>,
    codings,
    coders: here === "all" ? coders : coders.filter((c) => here.includes(c.id)),
    previous: at > 0 ? siblings[at - 1] : null,
    next: at >= 0 && at < siblings.length - 1 ? siblings[at + 1] : null,
  };
}

export type Workspace = NonNullable<Awaited<ReturnType<typeof getWorkspace>>>;
