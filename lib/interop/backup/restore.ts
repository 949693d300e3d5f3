import { recordAudit } from "../../audit/record";
import type { CurrentUser } from "../../auth/session";
import { db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { MemberRole } from "../../db/generated/enums";
import { findingFigureSchema } from "../../findings/figure";
import { placeholderPasswordHash } from "../refi/placeholders";
import { parentsFirst } from "./check";
import { counts } from "./export";
import { newRowId } from "../../db/row-id";
import { remapBatchSource, remapSavedQuery, remapSnapshot, type IdMaps } from "./remap";
import type { BackupData } from "./schema";
import type { RestoredUser, RestoreSummary } from "./summary";

type Tx = Prisma.TransactionClient;
/** Steps 2 to 5 of a restore (api.ts has 0 and 1): what is being written now. */
export type RestoreProgress = (done: number, step: string) => Promise<void>;

export const RESTORE_ACTION = "project.restore_backup";
const CHUNK = 1000;

/**
 * Writes a checked backup (archive.ts, check.ts) as a new project in one transaction: on any
 * failure nothing is left behind. Every row gets a new id, given before the insert, and
 * every reference is mapped through the same tables, so the copy is the source project row
 * for row, timestamps included. The restorer owns the result; the rest of the team is matched
 * by e-mail when `matchAccounts` (a signed archive, signature.ts) and otherwise restored as
 * placeholders who cannot sign in.
 */
export async function writeRestore(
  data: BackupData,
  texts: Map<string, string>,
  restorer: CurrentUser,
  options: { fileName: string; backupCreatedAt: string; matchAccounts: boolean; signed: boolean },
  progress: RestoreProgress,
): Promise<RestoreSummary> {
  const restorerEmail = restorer.email.toLowerCase();
  const passwordHash = data.users.some((u) => u.email !== restorerEmail) ? await placeholderPasswordHash() : null;
  const warnings: string[] = [];
  const projectId = newRowId();
  const ids = {
    attributes: fresh(data.attributes),
    cases: fresh(data.cases),
    documents: fresh(data.documents),
    codes: fresh(data.codes),
    codings: fresh(data.codings),
    decisions: fresh(data.decisions),
    batches: fresh(data.batches),
  };
  // Ids that named nothing in the source project go on naming nothing, consistently.
  const dangling = new Map<string, string>();
  const softRef = (map: Map<string, string>, id: string) => map.get(id) ?? dangling.get(id) ?? dangling.set(id, newRowId()).get(id)!;
  const ref = (map: Map<string, string>, id: string) => map.get(id)!;
  const opt = (map: Map<string, string>, id: string | null) => (id === null ? null : map.get(id)!);

  return db().$transaction(
    async (tx) => {
      await progress(2, "Saving the project, its people and cases");
      const p = data.project;
      await tx.project.create({ data: { id: projectId, name: p.name, description: p.description, blindCoding: p.blindCoding, correctionRole: p.correctionRole, createdAt: p.createdAt, updatedAt: p.updatedAt } });
      const { userIds, users } = await restoreUsers(tx, data, restorer, projectId, options.matchAccounts, passwordHash);

      await tx.attributeDefinition.createMany({ data: data.attributes.map((a) => ({ ...a, id: ref(ids.attributes, a.id), projectId })) });
      await tx.case.createMany({ data: data.cases.map((c) => ({ id: ref(ids.cases, c.id), projectId, refiGuid: c.refiGuid, name: c.name, description: c.description, createdAt: c.createdAt })) });
      await tx.attributeValue.createMany({
        data: data.cases.flatMap((c) => c.values.map((v) => ({ ...v, projectId, caseId: ref(ids.cases, c.id), attributeId: ref(ids.attributes, v.attributeId) }))),
      });

      await progress(3, `Saving ${data.documents.length} documents`);
      for (const chunk of chunks(data.documents, 100)) {
        await tx.document.createMany({
          data: chunk.map(({ id, caseId, textPath, turns: _turns, ...d }) => ({ ...d, id: ref(ids.documents, id), projectId, caseId: opt(ids.cases, caseId), text: texts.get(textPath)! })),
        });
      }
      await tx.speakerTurn.createMany({ data: data.documents.flatMap((d) => d.turns.map((turn, index) => ({ ...turn, index, documentId: ref(ids.documents, d.id) }))) });

      await progress(4, `Saving ${data.codes.length} codes and ${data.codings.length} codings`);
      for (const chunk of chunks(parentsFirst(data.codes), CHUNK)) {
        await tx.code.createMany({ data: chunk.map((c) => ({ ...c, id: ref(ids.codes, c.id), projectId, parentId: opt(ids.codes, c.parentId) })) });
      }
      // Ids inside a saved search's query or a run's source that name nothing stay dangling, as they were.
      const idMaps: IdMaps = {
        documents: (id) => softRef(ids.documents, id),
        codes: (id) => softRef(ids.codes, id),
        attributes: (id) => softRef(ids.attributes, id),
        users: (id) => softRef(userIds, id),
      };
      await tx.codingBatch.createMany({
        data: data.batches.map((b) => ({
          ...b,
          id: ref(ids.batches, b.id),
          projectId,
          actorId: opt(userIds, b.actorId),
          codeId: ref(ids.codes, b.codeId),
          source: remapBatchSource(b.source, idMaps),
        })),
      });
      for (const [i, chunk] of chunks(data.codings, CHUNK).entries()) {
        if (i > 0) await progress(4, `Saving codings: ${(i * CHUNK).toLocaleString("en")} of ${data.codings.length.toLocaleString("en")} saved`);
        await tx.coding.createMany({
          data: chunk.map((c) => ({
            ...c,
            id: ref(ids.codings, c.id),
            projectId,
            documentId: ref(ids.documents, c.documentId),
            codeId: ref(ids.codes, c.codeId),
            coderId: ref(userIds, c.coderId),
            batchId: opt(ids.batches, c.batchId),
          })),
        });
      }

      await progress(5, "Saving memos, findings, assignments and adjudication");
      await tx.memo.createMany({
        data: data.memos.map((m) => ({
          ...m,
          id: newRowId(),
          projectId,
          authorId: ref(userIds, m.authorId),
          documentId: opt(ids.documents, m.documentId),
          codeId: opt(ids.codes, m.codeId),
          caseId: opt(ids.cases, m.caseId),
          codingId: opt(ids.codings, m.codingId),
        })),
      });
      const findingIds = fresh(data.findings);
      await tx.finding.createMany({
        data: data.findings.map(({ evidence: _evidence, figure, ...f }) => {
          const restored = restoreFigure(figure, (id) => softRef(ids.codes, id), (id) => softRef(ids.attributes, id));
          if (restored.kept) warnings.push(`The figure of the finding "${clip(f.statement)}" was not valid in the backup either; it is restored as it was and asks to be defined again.`);
          return { ...f, id: ref(findingIds, f.id), projectId, createdById: ref(userIds, f.createdById), ...(restored.figure === null ? {} : { figure: restored.figure }) };
        }),
      });
      await tx.findingEvidence.createMany({
        data: data.findings.flatMap((f) => f.evidence.map((e) => ({ findingId: ref(findingIds, f.id), codingId: ref(ids.codings, e.codingId), position: e.position }))),
      });
      await tx.assignment.createMany({
        data: data.assignments.map((a) => ({ ...a, projectId, documentId: ref(ids.documents, a.documentId), userId: ref(userIds, a.userId), assignedById: ref(userIds, a.assignedById) })),
      });
      await tx.adjudicationDecision.createMany({
        data: data.decisions.map((d) => ({
          ...d,
          id: ref(ids.decisions, d.id),
          projectId,
          documentId: ref(ids.documents, d.documentId),
          codeId: ref(ids.codes, d.codeId),
          sourceCodingIds: d.sourceCodingIds.map((id) => softRef(ids.codings, id)),
          decidedById: ref(userIds, d.decidedById),
          undoneById: opt(userIds, d.undoneById),
        })),
      });
      await tx.consensusCoding.createMany({
        data: data.consensus.map((c) => ({ ...c, projectId, documentId: ref(ids.documents, c.documentId), codeId: ref(ids.codes, c.codeId), decisionId: ref(ids.decisions, c.decisionId) })),
      });
      await tx.representativeQuote.createMany({
        data: data.stars.map((s) => ({ codingId: ref(ids.codings, s.codingId), projectId, starredById: ref(userIds, s.starredById), createdAt: s.createdAt })),
      });
      await tx.savedSearch.createMany({
        data: data.savedSearches.map((s) => ({ ...s, id: newRowId(), projectId, createdById: opt(userIds, s.createdById), query: remapSavedQuery(s.query, idMaps) })),
      });

      await progress(5, "Saving earlier versions of corrected transcripts and their review flags");
      for (const chunk of chunks(data.documentVersions, 100)) {
        await tx.documentVersion.createMany({
          data: chunk.map((v) => ({ ...v, projectId, documentId: ref(ids.documents, v.documentId), authorId: opt(userIds, v.authorId), turns: v.turns as Prisma.InputJsonValue })),
        });
      }
      // A flagged coding may be live (in the backup's codings) or detached (only in its snapshot).
      const row = (id: string) => softRef(ids.codings, id);
      const snapshotIds = { ...idMaps, row, findings: (id: string) => softRef(findingIds, id), projectId };
      for (const chunk of chunks(data.corrections, CHUNK)) {
        await tx.codingCorrection.createMany({
          data: chunk.map((c) => ({
            ...c,
            projectId,
            documentId: ref(ids.documents, c.documentId),
            codingId: c.kind === "consensus" ? softRef(dangling, c.codingId) : row(c.codingId),
            codeId: ref(ids.codes, c.codeId),
            coderId: opt(userIds, c.coderId),
            resolvedById: opt(userIds, c.resolvedById),
            snapshot: c.snapshot === null ? Prisma.DbNull : (remapSnapshot(c.snapshot, snapshotIds) as Prisma.InputJsonValue),
          })),
        });
      }

      await progress(5, `Saving the project's history: ${data.audit.length.toLocaleString("en")} events`);
      // Each event names the restored row where it names one of the backup's rows; other ids
      // (rows deleted before the backup, ids inside before/after) stay as they were then.
      const rowIds = [ids.documents, ids.codes, ids.codings, ids.cases, ids.attributes, ids.batches, ids.decisions];
      const entityOf = (entity: string, id: string) => (entity === "Project" ? projectId : (rowIds.find((m) => m.has(id))?.get(id) ?? id));
      for (const chunk of chunks(data.audit, CHUNK)) {
        await tx.auditEvent.createMany({
          data: chunk.map((e) => ({
            projectId,
            actorId: opt(userIds, e.actorId),
            action: e.action,
            entity: e.entity,
            entityId: entityOf(e.entity, e.entityId),
            before: e.before === null ? Prisma.DbNull : (e.before as Prisma.InputJsonValue),
            after: e.after === null ? Prisma.DbNull : (e.after as Prisma.InputJsonValue),
            createdAt: e.createdAt,
          })),
        });
      }

      if (!options.signed && users.some((u) => u.kind === "placeholder")) {
        warnings.unshift(
          options.matchAccounts
            ? "People without an account on this server are placeholders who cannot sign in."
            : "This archive was not made by this server, or was changed since, so its people other than you are placeholders who cannot sign in, even where an account has their e-mail: an archive cannot add real people to a project. An owner can add members afterwards.",
        );
      }
      const restoredCounts = counts(data);
      await recordAudit(tx, {
        projectId,
        actorId: restorer.id,
        action: RESTORE_ACTION,
        entity: "Project",
        entityId: projectId,
        after: { fileName: options.fileName, backupCreatedAt: options.backupCreatedAt, signed: options.signed, ...restoredCounts, placeholders: users.filter((u) => u.kind === "placeholder").length },
      });
      return {
        fileName: options.fileName,
        projectId,
        projectName: p.name,
        backupCreatedAt: options.backupCreatedAt,
        signed: options.signed,
        counts: restoredCounts,
        users,
        warnings,
      };
    },
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}

async function restoreUsers(tx: Tx, data: BackupData, restorer: CurrentUser, projectId: string, matchAccounts: boolean, passwordHash: string | null) {
  const restorerEmail = restorer.email.toLowerCase();
  const accounts = matchAccounts
    ? new Map((await tx.user.findMany({ where: { email: { in: data.users.map((u) => u.email) } }, select: { id: true, email: true, name: true } })).map((a) => [a.email.toLowerCase(), a]))
    : new Map<string, { id: string; email: string; name: string }>();
  const roleOf = new Map(data.memberships.map((m) => [m.userId, m.role]));
  const userIds = new Map<string, string>();
  const users: (RestoredUser & { id: string })[] = [];
  const placeholders: { id: string; email: string; name: string }[] = [];
  for (const [i, user] of data.users.entries()) {
    const account = user.email === restorerEmail ? restorer : accounts.get(user.email);
    const kind: RestoredUser["kind"] = user.email === restorerEmail ? "you" : account ? "account" : "placeholder";
    const row = account ?? { id: newRowId(), email: restorePlaceholderEmail(i, projectId), name: user.name.trim() || `Person ${i + 1}` };
    if (!account) placeholders.push(row);
    userIds.set(user.id, row.id);
    const archived = roleOf.get(user.id) ?? null;
    // The restorer owns the copy; a placeholder never owns anything.
    const role: MemberRole | null = kind === "you" ? "owner" : kind === "placeholder" && archived === "owner" ? "analyst" : archived;
    users.push({ id: row.id, name: row.name, email: row.email, kind, role });
  }
  if (placeholders.length > 0) {
    await tx.user.createMany({ data: placeholders.map((u) => ({ ...u, passwordHash: passwordHash!, disabled: true })) });
    for (const u of placeholders) await recordAudit(tx, { projectId, actorId: restorer.id, action: "user.create_placeholder", entity: "User", entityId: u.id, after: u });
  }
  const joined = new Map(data.memberships.map((m) => [userIds.get(m.userId)!, m.createdAt]));
  const members = users.filter((u) => u.role !== null);
  if (!members.some((u) => u.kind === "you")) members.push({ id: restorer.id, name: restorer.name, email: restorer.email, kind: "you", role: "owner" });
  await tx.membership.createMany({ data: members.map((u) => ({ projectId, userId: u.id, role: u.role!, ...(joined.has(u.id) ? { createdAt: joined.get(u.id) } : {}) })) });
  return { userIds, users: users.map(({ id: _id, ...u }) => u) };
}

/** Like a REFI-QDA import's placeholders (refi/placeholders.ts): under .invalid, per restored project. */
export function restorePlaceholderEmail(index: number, projectId: string): string {
  return `backup-${index + 1}@${projectId.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 60)}.placeholder.grounded.invalid`;
}

/**
 * A finding's figure with its code and attribute ids mapped to the restored rows. A figure
 * that does not read as one (it did not in the source project either) is kept as it was.
 */
export function restoreFigure(figure: unknown, code: (id: string) => string, attribute: (id: string) => string): { figure: Prisma.InputJsonValue | null; kept: boolean } {
  if (figure === null || figure === undefined) return { figure: null, kept: false };
  const parsed = findingFigureSchema.safeParse(figure);
  if (!parsed.success) return { figure: figure as Prisma.InputJsonValue, kept: true };
  const f = parsed.data;
  const filter = f.filter.map((condition) => ({ ...condition, attributeId: attribute(condition.attributeId) }));
  switch (f.kind) {
    case "interview-share":
      return { figure: { ...f, codeId: code(f.codeId), filter }, kept: false };
    case "attribute-ratio":
      return { figure: { ...f, numerator: f.numerator.map(attribute), denominator: f.denominator.map(attribute), filter }, kept: false };
    case "code-ranking":
      return { figure: { ...f, parentCodeId: code(f.parentCodeId), filter }, kept: false };
  }
}

function fresh(rows: { id: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, newRowId()]));
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const clip = (text: string) => (Array.from(text).length > 60 ? `${Array.from(text).slice(0, 59).join("")}…` : text);
