import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError, notFound } from "../errors";

/** What the codebook's writes share: reading live codes, the name rule, the audit row. */
export type Tx = Prisma.TransactionClient;
export const live = { deletedAt: null };

export async function loadLiveCode(tx: Tx, projectId: string, codeId: string) {
  const code = await tx.code.findFirst({ where: { id: codeId, projectId, ...live } });
  if (!code) throw notFound("That code");
  return code;
}

/** The refusal of a duplicate name, naming where the clash is: the parent, or the top level. */
export async function nameClash(client: Tx, projectId: string, parentId: string | null, name: string): Promise<AppError> {
  const parent = parentId ? await client.code.findFirst({ where: { id: parentId, projectId }, select: { name: true } }) : null;
  const where = parent ? `under "${parent.name}"` : "at the top level";
  return new AppError("CONFLICT", `There is already a code called "${name.trim()}" ${where}. Choose another name, or merge into the existing code.`);
}

/** Names are unique among live siblings, compared trimmed and case-insensitively (as the database's unique index does). */
export async function assertNameFree(tx: Tx, projectId: string, parentId: string | null, name: string, exceptId?: string) {
  const clash = await tx.code.findFirst({
    where: { projectId, parentId, ...live, name: { equals: name.trim(), mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw await nameClash(tx, projectId, parentId, name);
}

/**
 * Two writers that both pass assertNameFree at once (READ COMMITTED) meet at the unique index:
 * the second gets P2002. That is the same refusal, so it gets the same message, read after the
 * failed transaction. `where` says which name and place the write was about.
 */
export async function withNameRule<T>(projectId: string, where: () => Promise<{ parentId: string | null; name: string } | null>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string })?.code !== "P2002") throw error;
    const place = await where();
    if (!place) throw error;
    throw await nameClash(db(), projectId, place.parentId, place.name);
  }
}

export async function assertShortcutFree(tx: Tx, projectId: string, shortcut: string) {
  const clash = await tx.code.findFirst({ where: { projectId, shortcut, ...live }, select: { name: true } });
  if (clash) throw new AppError("CONFLICT", `The shortcut "${shortcut}" already applies "${clash.name}".`);
}

/** Whether `candidate` is `codeId` itself or below it in the tree (a move there would make a cycle). */
export async function isSelfOrDescendant(tx: Tx, projectId: string, codeId: string, candidate: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE below AS (
      SELECT id FROM "Code" WHERE id = ${codeId} AND "projectId" = ${projectId}
      UNION SELECT c.id FROM "Code" c JOIN below b ON c."parentId" = b.id
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidate}) AS found`;
  return rows[0]?.found ?? false;
}

/** Live siblings under `parentId`, in the codebook's order (position, then name). */
export async function siblingIds(tx: Tx, projectId: string, parentId: string | null, exceptId?: string): Promise<string[]> {
  const rows = await tx.code.findMany({
    where: { projectId, parentId, ...live, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function auditCode(tx: Tx, ctx: ProjectContext, action: string, entityId: string, before: unknown, after: unknown) {
  return recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action, entity: "Code", entityId, before, after });
}
