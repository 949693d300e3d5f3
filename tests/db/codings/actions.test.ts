import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { applyCodes, deleteCoding, updateCoding } from "../../../lib/codings/mutations";
import { applyCodesSchema, deleteCodingSchema, updateCodingSchema } from "../../../lib/codings/schema";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

// Emoji before "cost" so that UTF-16 offsets would land on the wrong words.
const TEXT = "Interviewer: 🙂 Why AWS?\n\nAna: Honestly, the cost. And the 👩‍🔬 community.";
const cp = (needle: string) => [...TEXT.slice(0, TEXT.indexOf(needle))].length;
const COST = { start: cp("the cost"), end: cp("the cost") + "the cost".length };

type User = { id: string; email: string; name: string };
const as = (u: User) => ({ id: u.id, email: u.email, name: u.name });
const apply = (u: User | null, input: unknown) => runProjectAction(u && as(u), applyCodesSchema, "analyst", applyCodes, input);
const update = (u: User, input: unknown) => runProjectAction(as(u), updateCodingSchema, "analyst", updateCoding, input);
const remove = (u: User, input: unknown) => runProjectAction(as(u), deleteCodingSchema, "analyst", deleteCoding, input);

async function world() {
  const ana = await makeUser(prisma, { name: "Ana" });
  const ben = await makeUser(prisma, { name: "Ben" });
  const vic = await makeUser(prisma, { name: "Vic" });
  const otto = await makeUser(prisma, { name: "Otto" });
  const project = await makeProject(prisma, [
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const other = await makeProject(prisma, [{ userId: otto.id, role: "owner" }]);
  const document = await makeDocument(prisma, project.id, TEXT);
  const cost = await makeCode(prisma, project.id, "Cost versus value");
  const community = await makeCode(prisma, project.id, "Peer community");
  const foreignDocument = await makeDocument(prisma, other.id, TEXT);
  const foreignCode = await makeCode(prisma, other.id, "Foreign");
  return { ana, ben, vic, otto, project, other, document, cost, community, foreignDocument, foreignCode };
}

const codingsIn = (projectId: string) => prisma.coding.count({ where: { projectId } });

describe("applying codes", () => {
  it("codes a passage as the caller, quoting the stored text at code point offsets, and audits it", async () => {
    const w = await world();
    const result = await apply(w.ana, { projectId: w.project.id, documentId: w.document.id, ...COST, codeIds: [w.cost.id, w.community.id] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.codings.map((c) => [c.quote, c.coderId])).toEqual([
      ["the cost", w.ana.id],
      ["the cost", w.ana.id],
    ]);
    expect(result.data.created).toHaveLength(2);
    const audit = await prisma.auditEvent.findMany({ where: { projectId: w.project.id, action: "coding.create" } });
    expect(audit).toHaveLength(2);
  });

  it("is a no-op for a code the caller already applied to the exact span", async () => {
    const w = await world();
    const input = { projectId: w.project.id, documentId: w.document.id, ...COST, codeIds: [w.cost.id] };
    const first = await apply(w.ana, input);
    const second = await apply(w.ana, input);
    expect(second).toMatchObject({ ok: true, data: { created: [] } });
    if (first.ok && second.ok) expect(second.data.codings[0].id).toBe(first.data.codings[0].id);
    // Another analyst's coding of the same span is theirs, not a duplicate.
    expect(await apply(w.ben, input)).toMatchObject({ ok: true, data: { created: [expect.any(String)] } });
    expect(await codingsIn(w.project.id)).toBe(2);
  });

  it("refuses offsets outside the text, start >= end and fractional offsets, changing nothing", async () => {
    const w = await world();
    const base = { projectId: w.project.id, documentId: w.document.id, codeIds: [w.cost.id] };
    const length = [...TEXT].length;
    expect(await apply(w.ana, { ...base, start: length - 2, end: length + 1 })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringMatching(/after the end of the transcript/) },
    });
    expect(await apply(w.ana, { ...base, start: 10, end: 10 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await apply(w.ana, { ...base, start: 12, end: 3 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await apply(w.ana, { ...base, start: -1, end: 3 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await apply(w.ana, { ...base, start: 1.5, end: 3 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await codingsIn(w.project.id)).toBe(0);
  });

  it("refuses a document or code of another project, and a deleted code, changing nothing", async () => {
    const w = await world();
    const base = { projectId: w.project.id, ...COST };
    expect(await apply(w.ana, { ...base, documentId: w.foreignDocument.id, codeIds: [w.cost.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await apply(w.ana, { ...base, documentId: w.document.id, codeIds: [w.cost.id, w.foreignCode.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await prisma.code.update({ where: { id: w.community.id }, data: { deletedAt: new Date() } });
    expect(await apply(w.ana, { ...base, documentId: w.document.id, codeIds: [w.cost.id, w.community.id] })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringMatching(/was deleted/) },
    });
    expect(await codingsIn(w.project.id)).toBe(0);
    expect(await codingsIn(w.other.id)).toBe(0);
  });

  it("refuses viewers, another project's analyst and signed-out callers", async () => {
    const w = await world();
    const input = { projectId: w.project.id, documentId: w.document.id, ...COST, codeIds: [w.cost.id] };
    expect(await apply(w.vic, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await apply(w.otto, input)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await apply(null, input)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    // Naming his own project does not reach into this one either.
    expect(await apply(w.otto, { ...input, projectId: w.other.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await codingsIn(w.project.id)).toBe(0);
  });
});

describe("editing and deleting codings", () => {
  async function coded() {
    const w = await world();
    const result = await apply(w.ana, { projectId: w.project.id, documentId: w.document.id, ...COST, codeIds: [w.cost.id] });
    if (!result.ok) throw new Error(result.error.message);
    return { ...w, coding: result.data.codings[0] };
  }

  it("adjusts boundaries (re-quoting the text), changes the code and the memo, bumping the version", async () => {
    const w = await coded();
    const start = cp("Honestly");
    const result = await update(w.ana, { projectId: w.project.id, codingId: w.coding.id, version: 1, start, memo: "price, not value" });
    expect(result).toMatchObject({ ok: true, data: { quote: "Honestly, the cost", memo: "price, not value", version: 2 } });
    expect(await update(w.ana, { projectId: w.project.id, codingId: w.coding.id, version: 2, codeId: w.community.id })).toMatchObject({
      ok: true,
      data: { codeId: w.community.id, version: 3 },
    });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: w.coding.id, action: "coding.update" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => (e.before as { version: number }).version)).toEqual([1, 2]);
  });

  it("refuses a stale edit with CONFLICT and the current state, and lets exactly one of two concurrent edits win", async () => {
    const w = await coded();
    const base = { projectId: w.project.id, codingId: w.coding.id, version: 1 };
    const [a, b] = await Promise.all([update(w.ana, { ...base, memo: "from tab one" }), update(w.ana, { ...base, memo: "from tab two" })]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, error: { code: "CONFLICT", current: { version: 2 } } });
    const winner = results.find((r) => r.ok);
    const stored = await prisma.coding.findUniqueOrThrow({ where: { id: w.coding.id } });
    expect(winner && winner.ok && stored.memo).toBe(winner && winner.ok ? winner.data.memo : null);
    // A delete with the old version is refused too, and deletes nothing.
    expect(await remove(w.ana, base)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await prisma.coding.count({ where: { id: w.coding.id } })).toBe(1);
  });

  it("never lets one analyst change or delete another's coding", async () => {
    const w = await coded();
    const base = { projectId: w.project.id, codingId: w.coding.id, version: 1 };
    expect(await update(w.ben, { ...base, memo: "mine now" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringMatching(/Ana's/) } });
    expect(await remove(w.ben, base)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await update(w.vic, { ...base, memo: "x" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await update(w.otto, { ...base, projectId: w.other.id, memo: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await prisma.coding.findUniqueOrThrow({ where: { id: w.coding.id } })).memo).toBe("");
  });

  it("refuses boundaries outside the text and a deleted code on edit", async () => {
    const w = await coded();
    const base = { projectId: w.project.id, codingId: w.coding.id, version: 1 };
    expect(await update(w.ana, { ...base, end: 100_000 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await update(w.ana, { ...base, start: COST.end })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await prisma.code.update({ where: { id: w.community.id }, data: { deletedAt: new Date() } });
    expect(await update(w.ana, { ...base, codeId: w.community.id })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await update(w.ana, { ...base, codeId: w.foreignCode.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.coding.findUniqueOrThrow({ where: { id: w.coding.id } })).toMatchObject({ version: 1, quote: "the cost" });
  });

  it("deletes recoverably: the audit log holds the whole row", async () => {
    const w = await coded();
    expect(await remove(w.ana, { projectId: w.project.id, codingId: w.coding.id, version: 1 })).toMatchObject({ ok: true });
    expect(await prisma.coding.count({ where: { id: w.coding.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: w.coding.id, action: "coding.delete" } });
    expect(event.before).toMatchObject({ quote: "the cost", start: COST.start, end: COST.end, codeId: w.cost.id, coderId: w.ana.id });
  });
});
