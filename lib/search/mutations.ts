import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db, TEAM_WRITE } from "../db/client";
import { AppError } from "../errors";

/**
 * Sets the language the project's transcripts are stemmed in for search. The database's
 * trigger (migration document_search_vector) recomputes every document's tsvector in the same
 * transaction, so searches never mix two languages.
 */
export async function setSearchLanguage(ctx: ProjectContext, input: { language: string }): Promise<{ language: string }> {
  return db().$transaction(async (tx) => {
    const known = await tx.$queryRaw<{ cfgname: string }[]>`SELECT cfgname::text FROM pg_ts_config WHERE cfgname = ${input.language}`;
    if (known.length === 0) throw new AppError("VALIDATION", `Search has no language called "${input.language}". Choose one of the languages listed.`);
    const before = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { searchLanguage: true } });
    if (before.searchLanguage === input.language) return { language: input.language };
    await tx.project.update({ where: { id: ctx.projectId }, data: { searchLanguage: input.language } });
    await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "project.search_language", entity: "Project", entityId: ctx.projectId, before, after: { searchLanguage: input.language } });
    return { language: input.language };
  }, { ...TEAM_WRITE, timeout: 60_000 });
}
