import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../../lib/db/generated/client";
import { getProjectHistory } from "../../../lib/history/data";
import { kindOf, HISTORY_KINDS, HISTORY_PAGE_SIZE } from "../../../lib/history/kinds";
import type { HistoryFilters } from "../../../lib/history/schema";
import type { Viewer } from "../../../lib/rigour/blind";
import { teamWorld, type TeamWorld } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The history page's listing (lib/history/query.ts, SQL over JSON) against a plain TypeScript
 * filter over every AuditEvent row of the project: each filter, their combinations, keyset paging
 * in both directions, and blind coding for an analyst and a viewer.
 */

const { prisma } = await useTestDatabase();

type Row = { id: bigint; createdAt: Date; actorId: string | null; action: string; entity: string; entityId: string; before: Prisma.JsonValue; after: Prisma.JsonValue };
type J = Record<string, unknown> | null;

let w: TeamWorld;
let rows: Row[];
let memoOnBenCoding: string;

beforeAll(async () => {
  w = await teamWorld(prisma);
  const p = w.project.id;
  const coders = [w.ana, w.ben, w.olivia];
  const docs = [w.doc1, w.doc2];
  const codes = [w.cost, w.community];
  const data: Prisma.AuditEventCreateManyInput[] = [];
  // 240 events over ten days, several at the very same instant (ties broken by id).
  for (let i = 0; i < 240; i++) {
    const actor = coders[i % 3]!;
    const documentId = docs[(i >> 1) % 2]!.id;
    const codeId = codes[(i >> 2) % 2]!.id;
    const createdAt = new Date(Date.UTC(2026, 10, 1 + (i % 10), 12, 0, Math.floor(i / 40)));
    const base = { projectId: p, actorId: actor.id, createdAt };
    const coding = { id: `coding-${i}`, documentId, codeId, coderId: actor.id, start: 0, end: 3, quote: "Ana" };
    switch (i % 8) {
      case 0: data.push({ ...base, action: "coding.create", entity: "Coding", entityId: coding.id, after: coding }); break;
      case 1: data.push({ ...base, action: "coding.update", entity: "Coding", entityId: coding.id, before: coding, after: { ...coding, codeId: codes[((i >> 2) + 1) % 2]!.id } }); break;
      case 2: data.push({ ...base, action: "coding.delete", entity: "Coding", entityId: coding.id, before: coding }); break;
      case 3: data.push({ ...base, action: "code.update", entity: "Code", entityId: codeId, before: { name: "A" }, after: { name: "B" } }); break;
      case 4: data.push({ ...base, action: "memo.create", entity: "Memo", entityId: `memo-${i}`, after: { authorId: actor.id, documentId, body: "note" } }); break;
      case 5: data.push({ ...base, action: "document.blind", entity: "Document", entityId: documentId, before: { blindCoding: false }, after: { blindCoding: true } }); break;
      case 6: data.push({ ...base, action: "adjudication.decide", entity: "AdjudicationDecision", entityId: `d-${i}`, after: { decision: { documentId, codeId }, consensus: [] } }); break;
      default: data.push({ ...base, action: i % 16 === 7 ? "case.create" : "member.role", entity: "Case", entityId: `case-${i}`, after: { name: `P${i}` } });
    }
  }
  await prisma.auditEvent.createMany({ data });
  // A memo on a coding of Ben's, and a star on one: hidden with Ben's work under blind coding.
  const benCoding = await prisma.coding.create({ data: { projectId: p, documentId: w.doc1.id, codeId: w.cost.id, coderId: w.ben.id, start: 0, end: 3, quote: "Ana" } });
  const anaCoding = await prisma.coding.create({ data: { projectId: p, documentId: w.doc1.id, codeId: w.cost.id, coderId: w.ana.id, start: 0, end: 3, quote: "Ana" } });
  memoOnBenCoding = (await prisma.auditEvent.create({ data: { projectId: p, actorId: w.ana.id, action: "memo.create", entity: "Memo", entityId: "m-on-ben", after: { authorId: w.ana.id, codingId: benCoding.id, body: "x" } } })).entityId;
  await prisma.auditEvent.createMany({
    data: [
      { projectId: p, actorId: w.olivia.id, action: "quote.star", entity: "RepresentativeQuote", entityId: benCoding.id, after: { codingId: benCoding.id } },
      { projectId: p, actorId: w.olivia.id, action: "quote.star", entity: "RepresentativeQuote", entityId: anaCoding.id, after: { codingId: anaCoding.id } },
      { projectId: p, actorId: w.ben.id, action: "coding.autocode", entity: "CodingBatch", entityId: "batch-ben", after: { created: 3 } },
      { projectId: p, actorId: w.ana.id, action: "coding.autocode", entity: "CodingBatch", entityId: "batch-ana", after: { created: 3 } },
      { projectId: p, actorId: w.olivia.id, action: "memo.create", entity: "Memo", entityId: "m-owner", after: { authorId: w.olivia.id, body: "owner's" } },
      { projectId: w.other.id, actorId: w.otto.id, action: "coding.create", entity: "Coding", entityId: "foreign", after: { documentId: w.foreignDocument.id } },
      // What transcript corrections write: re-placings that name no coder, review flags, consensus deletions.
      { projectId: p, actorId: w.ben.id, action: "coding.replace", entity: "Coding", entityId: benCoding.id, after: { codingId: benCoding.id, start: 0, end: 3, quote: "Ana" } },
      { projectId: p, actorId: w.ana.id, action: "coding.replace", entity: "Coding", entityId: anaCoding.id, after: { codingId: anaCoding.id, start: 0, end: 3, quote: "Ana" } },
      { projectId: p, actorId: w.olivia.id, action: "correction.resolve", entity: "CodingCorrection", entityId: "flag-ben", before: { documentId: w.doc1.id, coderId: w.ben.id, oldQuote: "x" }, after: { resolution: "accepted" } },
      { projectId: p, actorId: w.ana.id, action: "correction.resolve", entity: "CodingCorrection", entityId: "flag-ana", before: { documentId: w.doc1.id, coderId: w.ana.id, oldQuote: "x" }, after: { resolution: "accepted" } },
      { projectId: p, actorId: w.olivia.id, action: "consensus.delete", entity: "ConsensusCoding", entityId: "consensus-1", before: { documentId: w.doc2.id, codeId: w.cost.id, quote: "x" } },
    ],
  });
  rows = (await prisma.auditEvent.findMany({ where: { projectId: p } })) as Row[];
});

const field = (v: J, k: string) => (v && typeof v === "object" ? ((v as Record<string, unknown>)[k] as string | undefined) : undefined);
const touchesDocument = (r: Row, d: string) =>
  (r.entity === "Document" && r.entityId === d) || [r.before, r.after].some((v) => field(v as J, "documentId") === d || field(field(v as J, "decision") as unknown as J, "documentId") === d);
const touchesCode = (r: Row, c: string) =>
  (r.entity === "Code" && r.entityId === c) ||
  [r.before, r.after].some((v) => field(v as J, "codeId") === c || field(field(v as J, "decision") as unknown as J, "codeId") === c) ||
  field(field(r.after as J, "code") as unknown as J, "id") === c || field(r.after as J, "mergedInto") === c || field(r.after as J, "newCodeId") === c;

function plain(f: HistoryFilters, visible: (r: Row) => boolean = () => true): string[] {
  return rows
    .filter((r) => (!f.person || r.actorId === f.person) && (!f.kind || kindOf(r.action) === f.kind))
    .filter((r) => (!f.document || touchesDocument(r, f.document)) && (!f.code || touchesCode(r, f.code)))
    .filter((r) => (!f.from || r.createdAt >= new Date(`${f.from}T00:00:00Z`)) && (!f.to || r.createdAt < new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)))
    .filter(visible)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || Number(b.id - a.id))
    .map((r) => r.id.toString());
}

/** Every page, following "Older" from the first. */
async function listAll(viewer: Viewer, f: HistoryFilters): Promise<string[]> {
  const ids: string[] = [];
  let page = await getProjectHistory(w.project.id, viewer, f);
  for (;;) {
    expect(page.items.length).toBeLessThanOrEqual(HISTORY_PAGE_SIZE);
    ids.push(...page.items.map((i) => i.id));
    if (!page.older) return ids;
    page = await getProjectHistory(w.project.id, viewer, { ...f, older: page.older });
  }
}

const owner = () => ({ id: w.olivia.id, role: "owner" as const });

describe("the project history's listing", () => {
  it("equals a plain filter over the log for each filter and some combinations, paged 50 at a time", async () => {
    const cases: HistoryFilters[] = [
      {},
      { person: w.ben.id },
      ...HISTORY_KINDS.map((kind) => ({ kind })),
      { document: w.doc1.id },
      { document: w.doc2.id },
      { code: w.cost.id },
      { code: w.community.id },
      { from: "2026-11-03" },
      { to: "2026-11-02" },
      { from: "2026-11-04", to: "2026-11-04" },
      { person: w.ana.id, kind: "codings", document: w.doc2.id },
      { code: w.cost.id, from: "2026-11-05", to: "2026-11-08", kind: "rigour" },
      { person: w.otto.id },
    ];
    for (const f of cases) expect(await listAll(owner(), f), JSON.stringify(f)).toEqual(plain(f));
    expect((await listAll(owner(), {})).length).toBe(rows.length);
  });

  it("pages stay the same when events are added meanwhile, and 'Newer' leads back to the page before", async () => {
    const first = await getProjectHistory(w.project.id, owner(), {});
    const second = await getProjectHistory(w.project.id, owner(), { older: first.older! });
    const third = await getProjectHistory(w.project.id, owner(), { older: second.older! });
    expect(first.newer).toBeNull();
    const added = await prisma.auditEvent.create({ data: { projectId: w.project.id, actorId: w.ana.id, action: "case.create", entity: "Case", entityId: "late", after: { name: "Late" } } });
    const again = await getProjectHistory(w.project.id, owner(), { older: first.older! });
    expect(again.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    const back = await getProjectHistory(w.project.id, owner(), { newer: third.newer! });
    expect(back.items.map((i) => i.id)).toEqual(second.items.map((i) => i.id));
    try {
      // The 50 just newer than the second page are the first page's, and one newer still is the new event.
      const top = await getProjectHistory(w.project.id, owner(), { newer: second.newer! });
      expect(top.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
      const newest = await getProjectHistory(w.project.id, owner(), { newer: top.newer! });
      expect(newest.items.map((i) => i.id)).toEqual([added.id.toString()]);
      expect(newest.newer).toBeNull();
      expect((await getProjectHistory(w.project.id, owner(), { older: newest.older! })).items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    } finally {
      await prisma.auditEvent.delete({ where: { id: added.id } });
    }
  });

  it("under blind coding, an analyst sees no event about another analyst's codings or memos on them; the owner sees all", async () => {
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    const owners = new Set([w.olivia.id]);
    const benCodingIds = new Set((await prisma.coding.findMany({ where: { coderId: w.ben.id } })).map((c) => c.id));
    const mayRead = (me: string | null) => (r: Row) => {
      const a = (r.after ?? r.before) as Record<string, string>;
      const coder = field(r.after as J, "coderId") ?? field(r.before as J, "coderId");
      if (r.entity === "Coding" && coder === undefined) return !benCodingIds.has(r.entityId) && me !== null;
      if (r.entity === "Coding" || r.entity === "CodingCorrection") return coder === me;
      if (r.entity === "ConsensusCoding") return false;
      if (r.entity === "CodingBatch") return r.actorId === me;
      if (r.entity === "AdjudicationDecision") return false;
      if (r.entity === "RepresentativeQuote") return !benCodingIds.has(r.entityId) && me !== null;
      if (r.entity === "Memo") return (owners.has(a.authorId!) || a.authorId === me) && (!a.codingId || (!benCodingIds.has(a.codingId) && me !== null));
      return true;
    };
    try {
      const ana = { id: w.ana.id, role: "analyst" as const };
      const vic = { id: w.vic.id, role: "viewer" as const };
      for (const f of [{}, { person: w.ben.id }, { kind: "codings" as const }, { document: w.doc1.id }]) {
        expect(await listAll(ana, f), JSON.stringify(f)).toEqual(plain(f, mayRead(w.ana.id)));
        expect(await listAll(vic, f), JSON.stringify(f)).toEqual(plain(f, mayRead(null)));
      }
      const anaAll = await listAll(ana, {});
      const byId = new Map(rows.map((r) => [r.id.toString(), r]));
      expect(anaAll.some((id) => byId.get(id)!.entityId === memoOnBenCoding)).toBe(false);
      expect(anaAll.some((id) => byId.get(id)!.entity === "Coding" && byId.get(id)!.actorId === w.ben.id)).toBe(false);
      expect(anaAll.some((id) => byId.get(id)!.entity === "Coding" && byId.get(id)!.actorId === w.ana.id)).toBe(true);
      expect((await listAll(vic, { kind: "codings" })).length).toBe(0);
      expect((await listAll(owner(), {})).length).toBe(rows.length);
      // Only one document blind: codings in the other are everyone's to see.
      await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
      await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: true } });
      const inDoc2 = await listAll(ana, { kind: "codings", document: w.doc2.id });
      expect(inDoc2).toEqual(plain({ kind: "codings", document: w.doc2.id }));
      const inDoc1 = await listAll(ana, { kind: "codings", document: w.doc1.id });
      expect(inDoc1.every((id) => byId.get(id)!.actorId === w.ana.id)).toBe(true);
    } finally {
      await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
      await prisma.document.update({ where: { id: w.doc1.id }, data: { blindCoding: false } });
    }
  });

  it("describes events in words, and takes coding details out of other events for a blind reader", async () => {
    const deleted = await prisma.auditEvent.create({
      data: { projectId: w.project.id, actorId: w.olivia.id, action: "code.delete", entity: "Code", entityId: w.cost.id, before: { name: "Cost", codings: 7, children: [] }, after: { name: "Cost", deletedAt: "2026-11-20T00:00:00.000Z" } },
    });
    const at = { older: `${new Date(deleted.createdAt.getTime() + 1).toISOString()}_${deleted.id + 1n}` };
    const [live] = (await getProjectHistory(w.project.id, owner(), at)).items;
    // The code is not deleted in fact, so there is nothing to restore; once it is, there is.
    expect(live).toMatchObject({ verb: "deleted a code", target: "Cost", kind: "codes", actor: "Olivia", restore: null });
    await prisma.code.update({ where: { id: w.cost.id }, data: { deletedAt: new Date() } });
    const [forOwner] = (await getProjectHistory(w.project.id, owner(), at)).items;
    await prisma.code.update({ where: { id: w.cost.id }, data: { deletedAt: null } });
    expect(forOwner!.restore).toBe("code");
    expect(forOwner!.changes).toEqual(expect.arrayContaining([{ field: "codings", before: "7", after: "" }, { field: "deleted at", before: "", after: "2026-11-20T00:00:00.000Z" }]));
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    const [forAna] = (await getProjectHistory(w.project.id, { id: w.ana.id, role: "analyst" }, at)).items;
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
    expect(forAna!.id).toBe(deleted.id.toString());
    expect(JSON.stringify(forAna)).not.toContain("codings");
    await prisma.auditEvent.delete({ where: { id: deleted.id } });
  });
});
