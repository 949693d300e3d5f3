import { describe, expect, it } from "vitest";
import { OPERATOR_SCOPE } from "../../../lib/rigour/blind";
import { runProjectAction } from "../../../lib/auth/project-access";
import { getFindingsReport } from "../../../lib/findings/data";
import { createFinding, deleteFinding, pinEvidence, reorderFindings, unpinEvidence, updateFinding } from "../../../lib/findings/mutations";
import { createFindingSchema, deleteFindingSchema, evidenceSchema, reorderFindingsSchema, updateFindingSchema } from "../../../lib/findings/schema";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

type User = { id: string; email: string; name: string };
const as = (u: User | null) => u && { id: u.id, email: u.email, name: u.name };
const create = (u: User | null, input: unknown) => runProjectAction(as(u), createFindingSchema, "analyst", createFinding, input);
const update = (u: User, input: unknown) => runProjectAction(as(u), updateFindingSchema, "analyst", updateFinding, input);
const remove = (u: User, input: unknown) => runProjectAction(as(u), deleteFindingSchema, "analyst", deleteFinding, input);
const reorder = (u: User, input: unknown) => runProjectAction(as(u), reorderFindingsSchema, "analyst", reorderFindings, input);
const pin = (u: User, input: unknown) => runProjectAction(as(u), evidenceSchema, "analyst", pinEvidence, input);
const unpin = (u: User, input: unknown) => runProjectAction(as(u), evidenceSchema, "analyst", unpinEvidence, input);

const TEXT = "Interviewer: Why AWS?\n\nAna: Honestly, the cost. And the community.";

async function projectWithData(members: { userId: string; role: "owner" | "analyst" | "viewer" }[]) {
  const project = await makeProject(prisma, members);
  const projectId = project.id;
  const projects = await prisma.attributeDefinition.create({ data: { projectId, name: "projects", type: "number" } });
  const onAws = await prisma.attributeDefinition.create({ data: { projectId, name: "on_aws", type: "number" } });
  const sector = await prisma.attributeDefinition.create({ data: { projectId, name: "sector", type: "category", categories: ["academia", "startup"] } });
  const caseA = await prisma.case.create({ data: { projectId, name: "P01" } });
  const caseB = await prisma.case.create({ data: { projectId, name: "P02" } });
  await prisma.attributeValue.createMany({
    data: [
      { projectId, caseId: caseA.id, attributeId: projects.id, numberValue: 8 },
      { projectId, caseId: caseA.id, attributeId: onAws.id, numberValue: 6 },
      { projectId, caseId: caseA.id, attributeId: sector.id, textValue: "academia" },
      { projectId, caseId: caseB.id, attributeId: projects.id, numberValue: 2 },
      { projectId, caseId: caseB.id, attributeId: onAws.id, numberValue: 1 },
      { projectId, caseId: caseB.id, attributeId: sector.id, textValue: "startup" },
    ],
  });
  const docA = await prisma.document.update({ where: { id: (await makeDocument(prisma, projectId, TEXT)).id }, data: { caseId: caseA.id } });
  const docB = await prisma.document.update({ where: { id: (await makeDocument(prisma, projectId, TEXT)).id }, data: { caseId: caseB.id } });
  const parent = await prisma.code.create({ data: { projectId, name: "Why AWS" } });
  const cost = await prisma.code.create({ data: { projectId, name: "Cost", parentId: parent.id } });
  const community = await prisma.code.create({ data: { projectId, name: "Community", parentId: parent.id } });
  const deleted = await prisma.code.create({ data: { projectId, name: "Old", deletedAt: new Date() } });
  return { project, projectId, projects, onAws, sector, caseA, caseB, docA, docB, parent, cost, community, deleted };
}

async function world() {
  const olivia = await makeUser(prisma, { name: "Olivia" });
  const ana = await makeUser(prisma, { name: "Ana" });
  const vic = await makeUser(prisma, { name: "Vic" });
  const otto = await makeUser(prisma, { name: "Otto" });
  const here = await projectWithData([
    { userId: olivia.id, role: "owner" },
    { userId: ana.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const there = await projectWithData([{ userId: otto.id, role: "owner" }]);
  const coding = async (p: typeof here, documentId: string, codeId: string, coderId: string, needle: string) => {
    const start = TEXT.indexOf(needle);
    const end = start + needle.length;
    return prisma.coding.create({ data: { projectId: p.projectId, documentId, codeId, coderId, start, end, quote: sliceByCodePoints(TEXT, start, end) } });
  };
  const costCoding = await coding(here, here.docA.id, here.cost.id, ana.id, "the cost");
  const communityCoding = await coding(here, here.docB.id, here.community.id, ana.id, "the community");
  const deletedCoding = await coding(here, here.docA.id, here.deleted.id, ana.id, "Honestly");
  const foreignCoding = await coding(there, there.docA.id, there.cost.id, otto.id, "the cost");
  return { olivia, ana, vic, otto, here, there, costCoding, communityCoding, deletedCoding, foreignCoding };
}

const shareOf = (codeId: string, extra: object = {}) => ({ kind: "interview-share", codeId, ...extra });
const findingsIn = (projectId: string) => prisma.finding.count({ where: { projectId } });

async function created(w: Awaited<ReturnType<typeof world>>, input: object = {}) {
  const result = await create(w.ana, { projectId: w.here.projectId, statement: "Cost matters.", figure: shareOf(w.here.cost.id), ...input });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe("creating findings", () => {
  it("lets analysts and owners create findings, appended in order, validated, and audited", async () => {
    const w = await world();
    const first = await create(w.ana, { projectId: w.here.projectId, statement: "Half the interviews raise cost.", figure: shareOf(w.here.cost.id), statedValue: 0.5, statedText: "half" });
    expect(first).toMatchObject({ ok: true, data: { position: 0, version: 1, figure: { kind: "interview-share", codeId: w.here.cost.id, filter: [] }, statedValue: 0.5 } });
    const second = await create(w.olivia, {
      projectId: w.here.projectId,
      statement: "Seven in ten projects run on AWS.",
      figure: { kind: "attribute-ratio", numerator: [w.here.onAws.id], denominator: [w.here.projects.id], statedAs: { relation: "approximately", precision: 0.1 } },
      statedValue: 0.7,
    });
    expect(second).toMatchObject({ ok: true, data: { position: 1 } });
    const third = await create(w.ana, { projectId: w.here.projectId, statement: "A qualitative finding, quotes only." });
    expect(third).toMatchObject({ ok: true, data: { position: 2, figure: null } });
    expect(await prisma.auditEvent.count({ where: { projectId: w.here.projectId, action: "finding.create" } })).toBe(3);
  });

  it("refuses viewers, another project's members and signed-out callers", async () => {
    const w = await world();
    const input = { projectId: w.here.projectId, statement: "x", figure: shareOf(w.here.cost.id) };
    expect(await create(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await create(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await create(null, input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await findingsIn(w.here.projectId)).toBe(0);
  });

  it("refuses another project's code or attribute with NOT_FOUND, the same answer as an id that does not exist", async () => {
    const w = await world();
    const base = { projectId: w.here.projectId, statement: "x" };
    expect(await create(w.ana, { ...base, figure: shareOf(w.there.cost.id) })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await create(w.ana, { ...base, figure: shareOf("no-such-code") })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await create(w.ana, { ...base, figure: { kind: "attribute-ratio", numerator: [w.there.onAws.id], denominator: [w.here.projects.id] } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await create(w.ana, { ...base, figure: shareOf(w.here.cost.id, { filter: [{ attributeId: w.there.sector.id, op: "eq", value: "academia" }] }) })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await create(w.ana, { ...base, figure: { kind: "code-ranking", parentCodeId: w.there.parent.id } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await findingsIn(w.here.projectId)).toBe(0);
  });

  it("refuses malformed figure JSON before reading anything", async () => {
    const w = await world();
    const base = { projectId: w.here.projectId, statement: "x" };
    for (const figure of [
      { kind: "median-of-vibes", codeId: w.here.cost.id },
      { kind: "interview-share" },
      { kind: "interview-share", codeId: w.here.cost.id, colour: "red" },
      { kind: "attribute-ratio", numerator: [], denominator: [w.here.projects.id] },
      { kind: "interview-share", codeId: w.here.cost.id, statedAs: { relation: "approximately", precision: 5 } },
      { kind: "interview-share", codeId: w.here.cost.id, filter: [{ attributeId: w.here.sector.id, op: "like", value: "a%" }] },
      "interview-share",
      [shareOf(w.here.cost.id)],
    ]) {
      expect(await create(w.ana, { ...base, figure }), JSON.stringify(figure)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: expect.any(Object) } });
    }
    expect(await findingsIn(w.here.projectId)).toBe(0);
  });

  it("refuses figures the project's own rows cannot support, saying what to change", async () => {
    const w = await world();
    const base = { projectId: w.here.projectId, statement: "x" };
    const refused = async (input: object, message: RegExp) =>
      expect(await create(w.ana, { ...base, ...input })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(message) } });
    await refused({ figure: shareOf(w.here.deleted.id) }, /was deleted/);
    await refused({ figure: { kind: "attribute-ratio", numerator: [w.here.sector.id], denominator: [w.here.projects.id] } }, /not a number/);
    await refused({ figure: { kind: "code-ranking", parentCodeId: w.here.cost.id } }, /no sub-codes/);
    await refused({ figure: { kind: "code-ranking", parentCodeId: w.here.parent.id }, statedValue: 0.5 }, /ranking has no single value/);
    await refused({ statedValue: 0.5 }, /needs a computed figure/);
    await refused({ figure: shareOf(w.here.cost.id, { filter: [{ attributeId: w.here.sector.id, op: "eq", value: "government" }] }) }, /not a category/);
    await refused({ figure: shareOf(w.here.cost.id, { filter: [{ attributeId: w.here.sector.id, op: "gt", value: 3 }] }) }, /not a number/);
    await refused({ figure: shareOf(w.here.cost.id, { filter: [{ attributeId: w.here.projects.id, op: "eq", value: "eight" }] }) }, /holds numbers/);
    expect(await findingsIn(w.here.projectId)).toBe(0);
  });
});

describe("editing, deleting and reordering findings", () => {
  it("edits statement, figure and stated value, bumping the version and auditing before and after", async () => {
    const w = await world();
    const f = await created(w);
    const edited = await update(w.olivia, { projectId: w.here.projectId, findingId: f.id, version: 1, statement: "Cost matters most.", statedValue: 0.5, statedText: "half" });
    expect(edited).toMatchObject({ ok: true, data: { statement: "Cost matters most.", statedValue: 0.5, version: 2 } });
    const cleared = await update(w.ana, { projectId: w.here.projectId, findingId: f.id, version: 2, statedValue: null, figure: { kind: "code-ranking", parentCodeId: w.here.parent.id } });
    expect(cleared).toMatchObject({ ok: true, data: { version: 3, statedValue: null, figure: { kind: "code-ranking" } } });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: f.id, action: "finding.update" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [(e.before as { version: number }).version, (e.after as { version: number }).version])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it("refuses a stale edit with CONFLICT and the current finding; of two concurrent edits exactly one wins", async () => {
    const w = await world();
    const f = await created(w);
    const base = { projectId: w.here.projectId, findingId: f.id, version: 1 };
    const results = await Promise.all([update(w.ana, { ...base, statement: "from tab one" }), update(w.olivia, { ...base, statement: "from tab two" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { version: 2 } } });
    expect(await update(w.ana, { ...base, statement: "late" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await remove(w.ana, base)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await findingsIn(w.here.projectId)).toBe(1);
  });

  it("refuses edits by viewers, edits naming another project's finding, code or attribute, and changes nothing", async () => {
    const w = await world();
    const f = await created(w);
    const theirs = await runProjectAction(as(w.otto), createFindingSchema, "analyst", createFinding, { projectId: w.there.projectId, statement: "theirs" });
    if (!theirs.ok) throw new Error(theirs.error.message);
    const base = { projectId: w.here.projectId, findingId: f.id, version: 1 };
    expect(await update(w.vic, { ...base, statement: "viewer" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await update(w.ana, { ...base, figure: shareOf(w.there.cost.id) })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await update(w.ana, { ...base, figure: { kind: "attribute-ratio", numerator: [w.here.onAws.id], denominator: [w.there.projects.id] } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await update(w.ana, { projectId: w.here.projectId, findingId: theirs.data.id, version: 1, statement: "mine now" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await update(w.ana, { ...base })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ version: 1, statement: "Cost matters." });
    expect(await prisma.finding.findUniqueOrThrow({ where: { id: theirs.data.id } })).toMatchObject({ statement: "theirs" });
  });

  it("deletes a finding with its pins (the codings stay), keeping the whole finding in the audit log", async () => {
    const w = await world();
    const f = await created(w);
    await pin(w.ana, { projectId: w.here.projectId, findingId: f.id, codingId: w.costCoding.id });
    expect(await remove(w.vic, { projectId: w.here.projectId, findingId: f.id, version: 1 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remove(w.ana, { projectId: w.here.projectId, findingId: f.id, version: 1 })).toMatchObject({ ok: true });
    expect(await findingsIn(w.here.projectId)).toBe(0);
    expect(await prisma.coding.count({ where: { id: w.costCoding.id } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: f.id, action: "finding.delete" } });
    expect(audit.before).toMatchObject({ statement: "Cost matters.", evidence: [{ codingId: w.costCoding.id }] });
  });

  it("reorders the project's findings; refuses a partial list (CONFLICT), another project's finding (NOT_FOUND) and duplicates", async () => {
    const w = await world();
    const [a, b, c] = [await created(w), await created(w), await created(w)];
    const theirs = await runProjectAction(as(w.otto), createFindingSchema, "analyst", createFinding, { projectId: w.there.projectId, statement: "theirs" });
    if (!theirs.ok) throw new Error(theirs.error.message);
    const base = { projectId: w.here.projectId };
    expect(await reorder(w.ana, { ...base, findingIds: [c.id, a.id, b.id] })).toMatchObject({ ok: true });
    const order = await prisma.finding.findMany({ where: { projectId: w.here.projectId }, orderBy: { position: "asc" }, select: { id: true } });
    expect(order.map((f) => f.id)).toEqual([c.id, a.id, b.id]);
    expect(await reorder(w.ana, { ...base, findingIds: [a.id, b.id] })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await reorder(w.ana, { ...base, findingIds: [a.id, b.id, theirs.data.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await reorder(w.ana, { ...base, findingIds: [a.id, a.id, b.id] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await reorder(w.vic, { ...base, findingIds: [a.id, b.id, c.id] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.auditEvent.count({ where: { projectId: w.here.projectId, action: "finding.reorder" } })).toBe(1);
  });
});

describe("pinning evidence", () => {
  it("pins codings of the project in order, idempotently, and unpins them, auditing each change", async () => {
    const w = await world();
    const f = await created(w);
    const base = { projectId: w.here.projectId, findingId: f.id };
    expect(await pin(w.ana, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: true, data: { evidence: [{ codingId: w.costCoding.id, position: 0 }] } });
    expect(await pin(w.olivia, { ...base, codingId: w.communityCoding.id })).toMatchObject({ ok: true, data: { evidence: [{ position: 0 }, { codingId: w.communityCoding.id, position: 1 }] } });
    expect(await pin(w.ana, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: true, data: { evidence: [{}, {}] } });
    expect(await unpin(w.ana, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: true, data: { evidence: [{ codingId: w.communityCoding.id }] } });
    const actions = await prisma.auditEvent.findMany({ where: { entityId: f.id, action: { in: ["finding.pin", "finding.unpin"] } }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["finding.pin", "finding.pin", "finding.unpin"]);
  });

  it("refuses another project's coding or finding (NOT_FOUND), a coding of a deleted code, viewers, and unpinning what is not pinned", async () => {
    const w = await world();
    const f = await created(w);
    const base = { projectId: w.here.projectId, findingId: f.id };
    expect(await pin(w.ana, { ...base, codingId: w.foreignCoding.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await pin(w.ana, { ...base, codingId: "no-such-coding" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await pin(w.otto, { projectId: w.there.projectId, findingId: f.id, codingId: w.foreignCoding.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await pin(w.ana, { ...base, codingId: w.deletedCoding.id })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/deleted/) } });
    expect(await pin(w.vic, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await unpin(w.ana, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.findingEvidence.count({ where: { findingId: f.id } })).toBe(0);
  });

  it("refuses a blind analyst another analyst's coding (NOT_FOUND, as if it did not exist), and allows it once revealed", async () => {
    const w = await world();
    const f = await created(w);
    const base = { projectId: w.here.projectId, findingId: f.id };
    const ben = await makeUser(prisma, { name: "Ben" });
    await prisma.membership.create({ data: { projectId: w.here.projectId, userId: ben.id, role: "analyst" } });
    await prisma.project.update({ where: { id: w.here.projectId }, data: { blindCoding: true } });
    expect(await pin(ben, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.findingEvidence.count({ where: { findingId: f.id } })).toBe(0);
    await prisma.project.update({ where: { id: w.here.projectId }, data: { blindCoding: false } });
    expect(await pin(ben, { ...base, codingId: w.costCoding.id })).toMatchObject({ ok: true, data: { evidence: [{ codingId: w.costCoding.id }] } });
  });
});

describe("reading findings", () => {
  it("computes each figure now: a share within a case filter, a ratio of sums, a ranking, with the stated comparison", async () => {
    const w = await world();
    const academia = [{ attributeId: w.here.sector.id, op: "eq", value: "academia" }];
    await created(w, { figure: shareOf(w.here.cost.id, { filter: academia }), statedValue: 1, statedText: "all academics" });
    await created(w, { figure: { kind: "attribute-ratio", numerator: [w.here.onAws.id], denominator: [w.here.projects.id] }, statedValue: 0.9, statedText: "nine in ten" });
    await created(w, { figure: { kind: "code-ranking", parentCodeId: w.here.parent.id } });
    const report = await getFindingsReport(w.here.projectId, { kind: "any" }, OPERATOR_SCOPE);
    const [share, ratio, ranking] = report.findings;
    expect(share.result).toMatchObject({ value: 1, numerator: 1, denominator: 1, display: "100%", fraction: "1 of 1", label: "Interviews coded “Cost” (sector = academia)" });
    expect(share.comparison).toMatchObject({ mismatch: false });
    expect(ratio.result).toMatchObject({ value: 0.7, fraction: "7 of 10", selectionLabel: null });
    expect(ratio.comparison).toMatchObject({ mismatch: true, statedDisplay: "90%", computedDisplay: "70.0%" });
    expect(ranking.result?.details).toMatchObject({
      kind: "code-ranking",
      ranking: [
        { name: "Community", rank: 1, interviews: 1 },
        { name: "Cost", rank: 1, interviews: 1 },
      ],
    });
  });

  it("shows a stored figure that does not validate as a problem, never as a number, and lets it be replaced", async () => {
    const w = await world();
    const f = await created(w, { statedValue: 0.5 });
    await prisma.finding.update({ where: { id: f.id }, data: { figure: { kind: "interview-share", codeId: 42 } } });
    const [read] = (await getFindingsReport(w.here.projectId, { kind: "any" }, OPERATOR_SCOPE)).findings;
    expect(read).toMatchObject({ figure: null, result: null, comparison: null, figureProblem: expect.stringMatching(/not valid/) });
    const base = { projectId: w.here.projectId, findingId: f.id, version: 1 };
    expect(await update(w.ana, { ...base, statedValue: 0.6 })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/not valid/) } });
    expect(await update(w.ana, { ...base, figure: shareOf(w.here.cost.id) })).toMatchObject({ ok: true, data: { version: 2 } });
  });

  it("says why a figure cannot be computed once its code is deleted", async () => {
    const w = await world();
    await created(w);
    await prisma.code.update({ where: { id: w.here.cost.id }, data: { deletedAt: new Date() } });
    const [read] = (await getFindingsReport(w.here.projectId, { kind: "any" }, OPERATOR_SCOPE)).findings;
    expect(read.result).toMatchObject({ value: null, display: "—", problem: expect.stringMatching(/deleted/) });
  });
});
