import { db } from "../../db/client";
import { maySee, visibleCoderIds, type Viewer } from "../../rigour/blind";
import { mayCorrect, mayResolve } from "./permissions";

/** One entry of the workspace's "To review" list. */
export type ReviewItem = {
  id: string;
  kind: "coding" | "consensus";
  status: "edited" | "detached";
  codingId: string;
  codeId: string;
  codeName: string;
  codeColour: string;
  coderName: string | null;
  oldQuote: string;
  oldStart: number;
  oldEnd: number;
  /** Edited: the coding's quote now (it may have been changed since the correction). */
  newQuote: string | null;
  /** Edited: where the coding is now, and its version (deleting it names the version). */
  now: { start: number; end: number; version: number } | null;
  documentVersion: number;
  createdAt: string;
  mayResolve: boolean;
  /** The viewer's own coding: only they re-place it. */
  own: boolean;
};

export type CorrectionState = {
  version: number;
  mayCorrect: boolean;
  /** Owners choose who corrects: "analyst" (analysts and owners) or "owner"; null for the others. */
  correctionRole: "owner" | "analyst" | null;
  review: ReviewItem[];
  /** The superseded versions, newest first: who corrected them, when and why. */
  versions: { version: number; reason: string; createdAt: string; authorName: string | null }[];
};

/**
 * The document's version, whether the viewer may correct it, and the open review flags the
 * viewer may see. Blind mode applies as to codings themselves (lib/rigour/blind.ts): a blind
 * analyst sees only flags on their own codings; consensus flags go to owners, who adjudicate.
 * An edited flag whose coding has since been deleted is over and not listed.
 */
export async function getCorrectionState(projectId: string, documentId: string, viewer: Viewer): Promise<CorrectionState | null> {
  const prisma = db();
  const [document, project] = await Promise.all([
    prisma.document.findFirst({ where: { id: documentId, projectId }, select: { version: true } }),
    prisma.project.findUnique({ where: { id: projectId }, select: { correctionRole: true } }),
  ]);
  if (!document || !project) return null;
  const visibility = await visibleCoderIds(projectId, documentId, viewer);
  const flags = await prisma.codingCorrection.findMany({
    where: { projectId, documentId, resolvedAt: null },
    orderBy: [{ createdAt: "desc" }, { oldStart: "asc" }],
  });
  const visible = flags.filter((f) => (f.kind === "consensus" ? viewer.role === "owner" : f.coderId !== null && maySee(visibility, f.coderId)));
  const liveIds = visible.filter((f) => f.status === "edited").map((f) => f.codingId);
  const codeIds = [...new Set(visible.map((f) => f.codeId))];
  const coderIds = [...new Set(visible.flatMap((f) => (f.coderId ? [f.coderId] : [])))];
  const [codings, consensus, codes, coders] = await Promise.all([
    prisma.coding.findMany({ where: { id: { in: liveIds } }, select: { id: true, start: true, end: true, quote: true, version: true } }),
    prisma.consensusCoding.findMany({ where: { id: { in: liveIds } }, select: { id: true, start: true, end: true, quote: true } }),
    prisma.code.findMany({ where: { id: { in: codeIds }, projectId }, select: { id: true, name: true, colour: true } }),
    prisma.user.findMany({ where: { id: { in: coderIds } }, select: { id: true, name: true } }),
  ]);
  const live = new Map<string, { start: number; end: number; quote: string; version: number }>([
    ...codings.map((c) => [c.id, c] as const),
    ...consensus.map((c) => [c.id, { ...c, version: 1 }] as const),
  ]);
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const coderById = new Map(coders.map((c) => [c.id, c.name]));
  const review = visible.flatMap((f): ReviewItem[] => {
    const now = live.get(f.codingId) ?? null;
    if (f.status === "edited" && !now) return [];
    const code = codeById.get(f.codeId);
    return [{
      id: f.id,
      kind: f.kind === "consensus" ? "consensus" : "coding",
      status: f.status === "detached" ? "detached" : "edited",
      codingId: f.codingId,
      codeId: f.codeId,
      codeName: code?.name ?? "(deleted code)",
      codeColour: code?.colour ?? "#64748b",
      coderName: f.coderId ? (coderById.get(f.coderId) ?? null) : null,
      oldQuote: f.oldQuote,
      oldStart: f.oldStart,
      oldEnd: f.oldEnd,
      newQuote: now?.quote ?? null,
      now: now && { start: now.start, end: now.end, version: now.version },
      documentVersion: f.documentVersion,
      createdAt: f.createdAt.toISOString(),
      mayResolve: mayResolve(viewer, f),
      own: f.kind === "coding" && f.coderId === viewer.id,
    }];
  });
  const correctionRole = viewer.role === "owner" ? (project.correctionRole === "owner" ? "owner" : "analyst") : null;
  const earlier = await listDocumentVersions(projectId, documentId);
  const authors = new Map((await prisma.user.findMany({ where: { id: { in: earlier.flatMap((v) => (v.authorId ? [v.authorId] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const versions = earlier.map((v) => ({ version: v.version, reason: v.reason, createdAt: v.createdAt.toISOString(), authorName: (v.authorId && authors.get(v.authorId)) || null }));
  return { version: document.version, mayCorrect: mayCorrect(viewer.role, project.correctionRole), correctionRole, review, versions };
}

/** The superseded texts of a document, newest first (without the texts: they can be long). */
export async function listDocumentVersions(projectId: string, documentId: string) {
  return db().documentVersion.findMany({
    where: { projectId, documentId },
    orderBy: { version: "desc" },
    select: { version: true, reason: true, createdAt: true, authorId: true },
  });
}
