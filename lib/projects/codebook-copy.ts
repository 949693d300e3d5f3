import { recordAudit } from "../audit/record";
import { authorizeProject, type ProjectContext } from "../auth/project-access";
import { CODEBOOK_COPY_TX, writeCodebookCopy } from "../codes/copy-write";
import { db } from "../db/client";
import { canCopyCodebookFrom } from "./permissions";
import { AppError } from "../errors";
import type { CopyCodebookInput } from "./schema";

export type CodebookCopyResult = { targetProjectId: string; targetName: string; created: number; matched: number; shortcutsDropped: string[] };

/**
 * "Copy codebook to another project": the codes of this project go into the codebook of a
 * project the caller owns. Codes it already has (same name among the same siblings) are
 * merged, not repeated; the rest arrive with their definitions, colours and free shortcut
 * keys. One transaction, audited in the receiving project as codebook.copy.
 */
export async function copyCodebookToProject(source: ProjectContext, input: CopyCodebookInput): Promise<CodebookCopyResult> {
  if (!canCopyCodebookFrom(source.role)) throw new AppError("FORBIDDEN", "Viewers cannot copy this project's codebook. Ask one of its owners to make you an analyst.");
  const target = await authorizeProject(source.user, input.targetProjectId, "owner");
  return db().$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: target.projectId }, select: { name: true } });
    const copy = await writeCodebookCopy(tx, source.projectId, target.projectId);
    await recordAudit(tx, { projectId: target.projectId, actorId: source.user.id, action: "codebook.copy", entity: "Project", entityId: target.projectId, after: { from: source.projectId, ...copy } });
    return { targetProjectId: target.projectId, targetName: project.name, ...copy };
  }, CODEBOOK_COPY_TX);
}
