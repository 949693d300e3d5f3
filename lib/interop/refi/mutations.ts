import { recordAudit } from "../../audit/record";
import type { CurrentUser } from "../../auth/session";
import { nextPaletteColour } from "../../codes/palette";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { placeholderEmail, placeholderPasswordHash } from "./placeholders";
import { IMPORTER, type ImportPlan, type MemoTarget } from "./plan-types";
import type { ImportedUser, ImportSummary } from "./summary";

type Tx = Prisma.TransactionClient;

export const IMPORT_ACTION = "project.import_refi";
const CHUNK = 1000;

/**
 * Writes an import plan as a new project owned by the importer, in one transaction: on any
 * failure (a constraint, a lost connection) nothing of the file is left behind. Rows are
 * matched back to their plan entries by natural keys the database makes unique (case and
 * attribute names, document positions, a code's parent and name, a coding's document, code,
 * coder and span), so bulk inserts need no id juggling.
 */
export async function writeProjectImport(plan: ImportPlan, importer: CurrentUser, fileName: string): Promise<ImportSummary> {
  const needsPlaceholder = plan.users.some((user) => user.email !== importer.email.toLowerCase());
  const passwordHash = needsPlaceholder ? await placeholderPasswordHash() : null;
  const perDocument = countBy(plan.codings, "documentKey");
  const perUser = countBy(plan.codings, "userKey");

  return db().$transaction(
    async (tx) => {
      const project = await tx.project.create({ data: { name: plan.name, description: plan.description }, select: { id: true, name: true } });
      const projectId = project.id;
      const { userIds, users } = await resolveUsers(tx, plan, importer, projectId, passwordHash, perUser);

      const caseIds = await writeCases(tx, plan, projectId);
      const documents = await tx.document.createManyAndReturn({
        data: plan.documents.map((d) => ({
          projectId,
          refiGuid: d.refiGuid,
          caseId: d.caseKey ? caseIds.get(d.caseKey)! : null,
          title: d.title,
          text: d.text,
          textLength: d.textLength,
          checksum: d.checksum,
          sourceFormat: "refi-qda",
          sourceName: d.sourceName,
          position: d.position,
        })),
        select: { id: true, position: true },
      });
      const documentAt = new Map(documents.map((row) => [row.position, row.id]));
      const documentIds = new Map(plan.documents.map((d) => [d.key, documentAt.get(d.position)!]));
      await tx.speakerTurn.createMany({
        data: plan.documents.flatMap((d) => d.turns.map((turn, index) => ({ documentId: documentIds.get(d.key)!, index, ...turn }))),
      });

      const codeIds = await writeCodes(tx, plan, projectId);
      const codingIds = new Map<string, string>();
      for (let i = 0; i < plan.codings.length; i += CHUNK) {
        const chunk = plan.codings.slice(i, i + CHUNK).map((c) => ({
          key: c.key,
          row: { projectId, refiGuid: c.refiGuid, documentId: documentIds.get(c.documentKey)!, codeId: codeIds.get(c.codeKey)!, coderId: userIds.get(c.userKey)!, start: c.start, end: c.end, quote: c.quote, memo: c.memo },
        }));
        const created = await tx.coding.createManyAndReturn({ data: chunk.map((c) => c.row), select: { id: true, documentId: true, codeId: true, coderId: true, start: true, end: true } });
        const idOf = new Map(created.map((r) => [naturalKey(r), r.id]));
        for (const c of chunk) codingIds.set(c.key, idOf.get(naturalKey(c.row))!);
      }

      const target = (t: MemoTarget) =>
        t.kind === "document" ? { documentId: documentIds.get(t.key) }
        : t.kind === "code" ? { codeId: codeIds.get(t.key) }
        : t.kind === "case" ? { caseId: caseIds.get(t.key) }
        : t.kind === "coding" ? { codingId: codingIds.get(t.key) }
        : {};
      await tx.memo.createMany({
        data: plan.memos.map((m) => ({ projectId, refiGuid: m.key, authorId: userIds.get(m.authorKey)!, title: m.title, body: m.body, ...target(m.target) })),
      });

      const counts = {
        sources: plan.documents.length,
        codes: plan.codes.length,
        codings: plan.codings.length,
        users: users.length,
        cases: plan.cases.length,
        variables: plan.attributes.length,
        memos: plan.memos.length,
      };
      await recordAudit(tx, { projectId, actorId: importer.id, action: IMPORT_ACTION, entity: "Project", entityId: projectId, after: { fileName, origin: plan.origin, ...counts, positions: plan.positions && { convention: plan.positions.convention, strength: plan.positions.strength }, notImported: plan.notImported, warnings: plan.warnings.length } });
      return {
        fileName,
        mode: "new-project",
        projectId,
        projectName: project.name,
        origin: plan.origin,
        counts,
        users,
        sources: plan.documents.map((d) => ({ title: d.title, characters: d.textLength, codings: perDocument.get(d.key) ?? 0, positions: d.positions })),
        positions: plan.positions,
        notImported: plan.notImported,
        warnings: plan.warnings,
      };
    },
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}

/**
 * The summary of an import not yet written: what the file holds and how its positions would be
 * read, for the importer to confirm when the evidence is weak. Coders are listed as they would
 * be credited (the importer's own e-mail is "you", everyone else a placeholder).
 */
export function previewProjectImport(plan: ImportPlan, importer: CurrentUser, fileName: string): ImportSummary {
  const perUser = countBy(plan.codings, "userKey");
  const perDocument = countBy(plan.codings, "documentKey");
  const users: ImportedUser[] = plan.users.map((u) => {
    const you = !!u.email && u.email === importer.email.toLowerCase();
    return { name: you ? importer.name : u.name, kind: you ? "you" : "placeholder", email: you ? importer.email : "(a placeholder, made on import)", codings: perUser.get(u.key) ?? 0 };
  });
  return {
    fileName,
    mode: "awaiting-confirmation",
    projectId: "",
    projectName: plan.name,
    origin: plan.origin,
    counts: { sources: plan.documents.length, codes: plan.codes.length, codings: plan.codings.length, users: users.length, cases: plan.cases.length, variables: plan.attributes.length, memos: plan.memos.length },
    users,
    sources: plan.documents.map((d) => ({ title: d.title, characters: d.textLength, codings: perDocument.get(d.key) ?? 0, positions: d.positions })),
    positions: plan.positions,
    notImported: plan.notImported,
    warnings: plan.warnings,
  };
}

function countBy(codings: ImportPlan["codings"], key: "documentKey" | "userKey"): Map<string, number> {
  const counts = new Map<string, number>();
  for (const coding of codings) counts.set(coding[key], (counts.get(coding[key]) ?? 0) + 1);
  return counts;
}

const naturalKey = (c: { documentId: string; codeId: string; coderId: string; start: number; end: number }) => [c.documentId, c.codeId, c.coderId, c.start, c.end].join("\u0000");

// The importer owns the project. A file's user with the importer's own e-mail is the
// importer; every other user becomes a placeholder coder (placeholders.ts), even when an
// account with that e-mail exists: a file must not be able to add a real person to a project
// or credit them with codings they never made. An owner can add real members afterwards.
async function resolveUsers(tx: Tx, plan: ImportPlan, importer: CurrentUser, projectId: string, passwordHash: string | null, perUser: Map<string, number>) {
  const userIds = new Map<string, string>([[IMPORTER, importer.id]]);
  const users: ImportedUser[] = [];
  const roles = new Map<string, "owner" | "analyst">([[importer.id, "owner"]]);
  for (const planned of plan.users) {
    const account = planned.email && planned.email === importer.email.toLowerCase() ? { id: importer.id, email: importer.email, name: importer.name } : null;
    let id: string;
    let kind: ImportedUser["kind"];
    let email: string;
    if (account) {
      ({ id, email } = account);
      kind = "you";
    } else {
      email = placeholderEmail(planned.key, projectId);
      const created = await tx.user.create({
        data: { email, name: planned.name, passwordHash: passwordHash ?? (await placeholderPasswordHash()), disabled: true },
        select: { id: true, name: true, email: true },
      });
      await recordAudit(tx, { projectId, actorId: importer.id, action: "user.create_placeholder", entity: "User", entityId: created.id, after: created });
      id = created.id;
      kind = "placeholder";
    }
    userIds.set(planned.key, id);
    if (!roles.has(id)) roles.set(id, "analyst");
    users.push({ name: account?.name ?? planned.name, kind, email, codings: perUser.get(planned.key) ?? 0 });
  }
  const importerCodings = perUser.get(IMPORTER) ?? 0;
  if (importerCodings > 0 && !users.some((u) => u.kind === "you")) users.push({ name: importer.name, kind: "you", email: importer.email, codings: importerCodings });
  await tx.membership.createMany({ data: [...roles].map(([userId, role]) => ({ projectId, userId, role })) });
  return { userIds, users };
}

async function writeCases(tx: Tx, plan: ImportPlan, projectId: string) {
  const attributes = await tx.attributeDefinition.createManyAndReturn({
    data: plan.attributes.map((a) => ({ projectId, refiGuid: a.key, name: a.name, type: a.type, categories: a.categories, position: a.position })),
    select: { id: true, name: true },
  });
  const attributeNamed = new Map(attributes.map((row) => [row.name, row.id]));
  const attributeIds = new Map(plan.attributes.map((a) => [a.key, attributeNamed.get(a.name)!]));
  const cases = await tx.case.createManyAndReturn({
    data: plan.cases.map((c) => ({ projectId, refiGuid: c.key, name: c.name, description: c.description })),
    select: { id: true, name: true },
  });
  const caseNamed = new Map(cases.map((row) => [row.name, row.id]));
  const caseIds = new Map(plan.cases.map((c) => [c.key, caseNamed.get(c.name)!]));
  await tx.attributeValue.createMany({
    data: plan.cases.flatMap((c) => c.values.map(({ attributeKey, ...value }) => ({ projectId, caseId: caseIds.get(c.key)!, attributeId: attributeIds.get(attributeKey)!, ...value }))),
  });
  return caseIds;
}

// One tree level at a time, so every parent has its id before its children are written.
async function writeCodes(tx: Tx, plan: ImportPlan, projectId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const colours: string[] = [];
  const depths = [...new Set(plan.codes.map((code) => code.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = plan.codes.filter((code) => code.depth === depth);
    const data = level.map((code) => {
      const colour = code.colour ?? nextPaletteColour(colours);
      colours.push(colour);
      const { key, parentKey, depth: _depth, colour: _colour, ...fields } = code;
      return { projectId, refiGuid: key, parentId: parentKey === null ? null : ids.get(parentKey)!, colour, ...fields };
    });
    const created = await tx.code.createManyAndReturn({ data, select: { id: true, parentId: true, name: true } });
    const idOf = new Map(created.map((row) => [`${row.parentId}\u0000${row.name}`, row.id]));
    for (const [i, code] of level.entries()) ids.set(code.key, idOf.get(`${data[i].parentId}\u0000${data[i].name}`)!);
  }
  return ids;
}
