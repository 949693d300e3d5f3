import { recordAudit } from "../../audit/record";
import type { ProjectContext } from "../../auth/project-access";
import { nextPaletteColour } from "../../codes/palette";
import { db } from "../../db/client";
import { parseCodeDescription } from "./descriptions";
import { refiGuid } from "./guid";
import type { RefiCode, RefiCodebook } from "./model";
import { normalizeColour } from "./plan-codes";
import { tally } from "./import-not-imported";
import type { ImportWarning, NotImported } from "./plan-types";
import type { ImportSummary } from "./summary";

type LiveCode = { id: string; parentId: string | null; name: string; colour: string; position: number; refiGuid?: string | null };

export const MERGE_ACTION = "codebook.merge_refi";

/**
 * Merges a .qdc into a project's codebook, in one transaction. Each incoming code is
 * matched to a live code by GUID first (our GUIDs derive from row ids, guid.ts, so a
 * codebook exported from this project matches exactly), then by name (ignoring case) under
 * the same parent, then by name anywhere when only one code has it. A match is left as it
 * is, and the incoming code's sub-codes are merged below it; anything unmatched is created.
 */
export async function mergeCodebook(ctx: ProjectContext, codebook: RefiCodebook, fileName: string): Promise<ImportSummary> {
  return db().$transaction(
    async (tx) => {
      const project = await tx.project.findUniqueOrThrow({ where: { id: ctx.projectId }, select: { name: true } });
      const live: LiveCode[] = await tx.code.findMany({ where: { projectId: ctx.projectId, deletedAt: null }, select: { id: true, parentId: true, name: true, colour: true, position: true, refiGuid: true } });
      // A code is known by the GUID we export for it, and by the one it had in the file it was imported from.
      const byGuid = new Map(live.flatMap((code) => [[refiGuid("code", code.id), code] as const, ...(code.refiGuid ? [[code.refiGuid, code] as const] : [])]));
      const matched = { byGuid: 0, byName: 0 };
      let created = 0;

      const find = (code: RefiCode, parentId: string | null): LiveCode | null => {
        const guid = byGuid.get(code.guid);
        if (guid) {
          matched.byGuid++;
          return guid;
        }
        const named = live.filter((c) => c.name.toLowerCase() === code.name.toLowerCase());
        const match = named.find((c) => c.parentId === parentId) ?? (named.length === 1 ? named[0] : null);
        if (match) matched.byName++;
        return match;
      };

      const merge = async (codes: RefiCode[], parentId: string | null): Promise<void> => {
        for (const code of codes) {
          let target = find(code, parentId);
          if (!target) {
            const siblings = live.filter((c) => c.parentId === parentId);
            const row = await tx.code.create({
              data: {
                projectId: ctx.projectId,
                refiGuid: code.guid,
                parentId,
                name: code.name,
                colour: normalizeColour(code.color) ?? nextPaletteColour(live.map((c) => c.colour)),
                ...parseCodeDescription(code.description ?? ""),
                position: Math.max(-1, ...siblings.map((c) => c.position)) + 1,
              },
            });
            await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "code.create", entity: "Code", entityId: row.id, after: row });
            target = { id: row.id, parentId, name: row.name, colour: row.colour, position: row.position };
            live.push(target);
            created++;
          }
          await merge(code.children, target.id);
        }
      };
      await merge(codebook.codes, null);

      const notImported: NotImported[] = [];
      tally(notImported, "set", codebook.sets);
      const warnings: ImportWarning[] = codebook.sets > 0 ? [{ kind: "ignored", message: `The codebook's ${codebook.sets} set(s) were not imported; Grounded has no equivalent.` }] : [];
      await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: MERGE_ACTION, entity: "Project", entityId: ctx.projectId, after: { fileName, origin: codebook.origin, created, matched } });
      return {
        fileName,
        mode: "codebook-merge",
        projectId: ctx.projectId,
        projectName: project.name,
        origin: codebook.origin,
        counts: { sources: 0, codes: created, codings: 0, users: 0, cases: 0, variables: 0, memos: 0 },
        matchedCodes: matched,
        users: [],
        sources: [],
        positions: null,
        notImported,
        warnings,
      };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
