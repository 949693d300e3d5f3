import { createHash } from "node:crypto";
import { recordAudit } from "../audit/record";
import type { ProjectContext } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { applySpeakerChoice, type ParsedTranscriptFile } from "../interop/transcripts";
import { codePointLength } from "../transcripts/offsets";
import type { ImportFileInput } from "./import-schema";

export type ImportedDocument = { id: string; title: string; fileName: string; caseName: string | null; turns: number };

/**
 * Creates the documents (and any new cases) of one import in one transaction: all files
 * or none. The text was normalized when parsed and is stored as is; renamed speakers and
 * interviewer roles go on the turns.
 */
export async function importTranscripts(ctx: ProjectContext, chosen: { parsed: ParsedTranscriptFile; options: ImportFileInput }[]): Promise<ImportedDocument[]> {
  // The speakers confirmed in the preview (ticked labels, or none), applied before the transaction.
  const files = chosen.map(({ parsed, options }) => ({ parsed: applySpeakerChoice(parsed, options.speakerLabels ?? { kind: "auto" }), options }));
  return db().$transaction(
    async (tx) => {
      const last = await tx.document.aggregate({ where: { projectId: ctx.projectId }, _max: { position: true } });
      let position = (last._max.position ?? -1) + 1;
      const newCases = new Map<string, string>();
      const imported: ImportedDocument[] = [];

      for (const { parsed, options } of files) {
        let caseId: string | null = null;
        let caseName: string | null = null;
        if (options.case.kind === "existing") {
          const found = await tx.case.findFirst({ where: { id: options.case.caseId, projectId: ctx.projectId }, select: { id: true, name: true } });
          if (!found) throw notFound(`The case chosen for ${options.fileName}`);
          caseId = found.id;
          caseName = found.name;
        } else if (options.case.kind === "new") {
          caseName = options.case.name;
          caseId = newCases.get(caseName.toLowerCase()) ?? null;
          if (!caseId) {
            const clash = await tx.case.findFirst({ where: { projectId: ctx.projectId, name: { equals: caseName, mode: "insensitive" } }, select: { id: true } });
            if (clash) throw new AppError("CONFLICT", `${options.fileName}: a case called "${caseName}" already exists; choose it as an existing case.`);
            const created = await tx.case.create({ data: { projectId: ctx.projectId, name: caseName } });
            await recordAudit(tx, { projectId: ctx.projectId, actorId: ctx.user.id, action: "case.create", entity: "Case", entityId: created.id, after: created });
            caseId = created.id;
            newCases.set(caseName.toLowerCase(), caseId);
          }
        }

        const mapping = new Map(options.speakers.map((s) => [s.from, s]));
        const { text, turns } = parsed.transcript;
        const document = await tx.document.create({
          data: {
            projectId: ctx.projectId,
            caseId,
            title: options.title,
            text,
            textLength: codePointLength(text),
            checksum: createHash("sha256").update(text).digest("hex"),
            sourceFormat: parsed.format,
            sourceName: parsed.fileName,
            position: position++,
          },
          select: { id: true, title: true, checksum: true },
        });
        await tx.speakerTurn.createMany({
          data: turns.map((turn, index) => {
            const speaker = mapping.get(turn.speaker);
            return {
              documentId: document.id,
              index,
              speaker: speaker?.to ?? turn.speaker,
              role: speaker?.interviewer ? ("interviewer" as const) : ("respondent" as const),
              start: turn.start,
              end: turn.end,
              timestampMs: turn.timestampMs,
            };
          }),
        });
        await recordAudit(tx, {
          projectId: ctx.projectId,
          actorId: ctx.user.id,
          action: "document.import",
          entity: "Document",
          entityId: document.id,
          after: { title: document.title, sourceName: parsed.fileName, format: parsed.format, checksum: document.checksum, turns: turns.length, caseId },
        });
        imported.push({ id: document.id, title: document.title, fileName: parsed.fileName, caseName, turns: turns.length });
      }
      return imported;
    },
    { timeout: 120_000 },
  );
}
