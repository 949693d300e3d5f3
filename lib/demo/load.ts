import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { DEFAULT_DEMO_DIR, readDemoData } from "./files";
import { type PreparedDemoFinding, prepareDemoFindings } from "./findings";
import { writeDemoFindings } from "./findings-write";
import { type PreparedStudy, prepareDemoStudy } from "./prepare";
import { DEMO_LOADED_ACTION, DEMO_PROJECT_DESCRIPTION, demoProjectName } from "./project";
import type { Coder } from "./reference-coding";
import { demoLogins } from "./users";

export type LoadDemoOptions = { dataDir?: string };
export type LoadDemoResult = { projectId: string; created: boolean };

type Tx = Prisma.TransactionClient;

// Serializes concurrent loaders (two app instances starting at once) so that the
// "already loaded?" check and the load are one step. Any fixed number of our own.
const DEMO_LOCK_KEY = 471_102_017;

/**
 * Loads the demo study unless the loader made one before (an audit event marks it, see
 * DEMO_LOADED_ACTION); then it returns that project with created: false. Reads and checks
 * every data file before writing; writes everything in one transaction or nothing.
 * Demo accounts that already exist (same e-mail) are reused as they are.
 */
export function loadDemoStudy(prisma: Db, options: LoadDemoOptions = {}): Promise<LoadDemoResult> {
  return load(prisma, options, false);
}

/** Loads the demo study into a new project even when one exists (npm run db:seed). */
export async function loadDemoStudyCopy(prisma: Db, options: LoadDemoOptions = {}): Promise<{ projectId: string; created: true }> {
  const { projectId } = await load(prisma, options, true);
  return { projectId, created: true };
}

async function load(prisma: Db, options: LoadDemoOptions, copy: boolean): Promise<LoadDemoResult> {
  // The usual case at start-up, answered without reading the data folder; the check is
  // repeated under the lock below, which is what makes it safe.
  if (!copy) {
    const [first] = await loadedDemoProjects(prisma);
    if (first) return { projectId: first, created: false };
  }
  const data = await readDemoData(options.dataDir ?? DEFAULT_DEMO_DIR);
  const study = prepareDemoStudy(data);
  const findings = prepareDemoFindings(data, study);
  // argon2 is deliberately slow: hash outside the transaction, and only for accounts to create.
  const existing = await prisma.user.findMany({ where: { email: { in: demoLogins.map((l) => l.email) } }, select: { email: true } });
  const passwordHashes = new Map<string, string>();
  for (const login of demoLogins) {
    if (!existing.some((user) => user.email === login.email)) passwordHashes.set(login.email, await hashPassword(login.password));
  }

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`;
      const loaded = await loadedDemoProjects(tx);
      if (loaded.length > 0 && !copy) return { projectId: loaded[0], created: false };
      const projectId = await writeStudy(tx, study, demoProjectName(loaded.length + 1), passwordHashes, findings);
      return { projectId, created: true };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** Ids of the projects the loader made that still exist (the audit event goes with its project), oldest first. */
async function loadedDemoProjects(db: Db | Tx): Promise<string[]> {
  const events = await db.auditEvent.findMany({
    where: { action: DEMO_LOADED_ACTION, entity: "Project", projectId: { not: null } },
    orderBy: { id: "asc" },
    select: { projectId: true },
  });
  return events.flatMap((event) => (event.projectId ? [event.projectId] : []));
}

async function writeStudy(tx: Tx, study: PreparedStudy, name: string, passwordHashes: Map<string, string>, findings: PreparedDemoFinding[]): Promise<string> {
  const users = [];
  for (const login of demoLogins) {
    const passwordHash = passwordHashes.get(login.email) ?? (await hashPassword(login.password));
    const user = await tx.user.upsert({
      where: { email: login.email },
      create: { email: login.email, name: login.name, passwordHash },
      update: {},
      select: { id: true },
    });
    users.push({ ...login, id: user.id });
  }
  const owner = users.find((user) => user.role === "owner");
  const coderIds = new Map<Coder, string>(users.flatMap((user) => (user.coder ? [[user.coder, user.id] as const] : [])));
  if (!owner || coderIds.size !== 2) throw new Error("demoLogins must name an owner and coders A and B");

  const { id: projectId } = await tx.project.create({ data: { name, description: DEMO_PROJECT_DESCRIPTION }, select: { id: true } });
  await tx.membership.createMany({ data: users.map((user) => ({ projectId, userId: user.id, role: user.role })) });

  const attributes = await tx.attributeDefinition.createManyAndReturn({
    data: study.attributes.map((a) => ({ projectId, name: a.name, displayName: a.displayName, type: a.type, categories: a.categories, position: a.position })),
    select: { id: true, name: true },
  });
  const attributeIds = new Map(attributes.map((a) => [a.name, a.id]));
  const cases = await tx.case.createManyAndReturn({
    data: study.cases.map((c) => ({ projectId, name: c.name, description: c.description })),
    select: { id: true, name: true },
  });
  const caseIds = new Map(cases.map((c) => [c.name, c.id]));
  await tx.attributeValue.createMany({
    data: study.cases.flatMap((c) =>
      c.values.map(({ attribute, value }) => ({ projectId, caseId: get(caseIds, c.name), attributeId: get(attributeIds, attribute), ...value })),
    ),
  });

  const documents = await tx.document.createManyAndReturn({
    data: study.documents.map((d) => ({
      projectId,
      caseId: get(caseIds, d.caseName),
      title: d.title,
      text: d.text,
      textLength: d.textLength,
      checksum: d.checksum,
      sourceFormat: "text",
      sourceName: d.sourceName,
      position: d.position,
    })),
    select: { id: true, position: true },
  });
  const documentIds = new Map(documents.map((d) => [d.position, d.id]));
  await tx.speakerTurn.createMany({
    data: study.documents.flatMap((d) =>
      d.turns.map((turn, index) => ({
        documentId: get(documentIds, d.position),
        index,
        speaker: turn.speaker,
        role: turn.role,
        start: turn.start,
        end: turn.end,
        timestampMs: turn.timestampMs,
      })),
    ),
  });

  // One level at a time, so each child's parent already has its id.
  const codeIds = new Map<string, string>();
  const depths = [...new Set(study.codes.map((code) => code.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = study.codes.filter((code) => code.depth === depth);
    const created = await tx.code.createManyAndReturn({
      data: level.map((code) => ({
        projectId,
        parentId: code.parentKey === null ? null : get(codeIds, code.parentKey),
        name: code.name,
        colour: code.colour,
        description: code.description,
        inclusion: code.inclusion,
        exclusion: code.exclusion,
        example: code.example,
        shortcut: code.shortcut,
        position: code.position,
      })),
      select: { id: true, name: true },
    });
    const idByName = new Map(created.map((code) => [code.name, code.id]));
    for (const code of level) codeIds.set(code.key, get(idByName, code.name));
  }

  const codings = study.documents.flatMap((d) =>
    d.codings.map((coding) => ({
      projectId,
      documentId: get(documentIds, d.position),
      codeId: get(codeIds, coding.code),
      coderId: get(coderIds, coding.coder),
      start: coding.start,
      end: coding.end,
      quote: coding.quote,
      memo: coding.memo,
    })),
  );
  await tx.coding.createMany({ data: codings });
  // The report's findings, in the same transaction: they load (and fail) with the study.
  await writeDemoFindings(tx, { projectId, ownerId: owner.id, coderA: get(coderIds, "A"), codeIds, attributeIds, documentIds }, findings);

  await recordAudit(tx, {
    projectId,
    actorId: owner.id,
    action: DEMO_LOADED_ACTION,
    entity: "Project",
    entityId: projectId,
    after: { name, cases: study.cases.length, documents: study.documents.length, codes: study.codes.length, codings: codings.length },
  });
  return projectId;
}

function get<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo loader: nothing created for ${String(key)}`);
  return value;
}
