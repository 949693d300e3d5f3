import { describe, expect, it } from "vitest";
import { getProjectCodeCounts, getWorkspace } from "../../../lib/codings/data";
import { getWorkspaceOpening } from "../../../lib/codings/opening";
import { sliceByCodePoints } from "../../../lib/transcripts/offsets";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

/** A long interview: 60 turns of about 300 characters, with an emoji in each so code points and UTF-16 differ. */
async function world() {
  const [owner, ana, ben, vic] = await Promise.all(["Owner", "Ana", "Ben", "Vic"].map((name) => makeUser(prisma, { name })));
  const project = await makeProject(prisma, [
    { userId: owner.id, role: "owner" },
    { userId: ana.id, role: "analyst" },
    { userId: ben.id, role: "analyst" },
    { userId: vic.id, role: "viewer" },
  ]);
  const answer = (i: number) => `Answer ${i} 🙂 ${"and the budget was tight ".repeat(12)}`.trim();
  const texts = Array.from({ length: 60 }, (_, i) => answer(i));
  const document = await makeDocument(prisma, project.id, texts.join("\n\n"));
  const text = document.text;
  let at = 0;
  const turns = texts.map((t, index) => {
    const turn = { documentId: document.id, index, speaker: index % 2 ? "Ana" : "Interviewer", role: (index % 2 ? "respondent" : "interviewer") as "respondent" | "interviewer", start: at, end: at + [...t].length };
    at += [...t].length + 2;
    return turn;
  });
  await prisma.speakerTurn.createMany({ data: turns });
  const parent = await makeCode(prisma, project.id, "Money");
  const cost = await prisma.code.update({ where: { id: (await makeCode(prisma, project.id, "Cost")).id }, data: { parentId: parent.id } });
  const unused = await makeCode(prisma, project.id, "Unused");
  const span = (turn: number) => ({ start: turns[turn].start + 3, end: turns[turn].start + 20 });
  const coding = (coderId: string, turn: number) => ({ projectId: project.id, documentId: document.id, codeId: cost.id, coderId, ...span(turn), quote: sliceByCodePoints(text, span(turn).start, span(turn).end) });
  await prisma.coding.createMany({ data: [coding(ana.id, 1), coding(ben.id, 1), coding(ana.id, 50), coding(ben.id, 52)] });
  const bens = await prisma.coding.findFirstOrThrow({ where: { coderId: ben.id, start: span(52).start } });
  return { owner, ana, ben, vic, project, document, text, turns, parent, cost, unused, bens };
}

describe("the transcript page's opening", () => {
  it("sends the first screens' text, turns and codings, and of the codebook the codes used here with their parents", async () => {
    const w = await world();
    const opening = (await getWorkspaceOpening(w.project.id, w.document.id, { id: w.owner.id, role: "owner" }, {}))!;
    const { window } = opening;
    expect(window.start).toBe(0);
    expect(window.lastTurn).toBeLessThan(w.turns.length);
    expect(window.text).toBe(sliceByCodePoints(w.text, window.start, window.end));
    expect(opening.turns.map((t) => t.start)).toEqual(w.turns.slice(0, window.lastTurn).map((t) => t.start));
    expect(opening.codings.map((c) => c.coderId).sort()).toEqual([w.ana.id, w.ben.id].sort());
    expect(opening.codes.map((c) => c.name).sort()).toEqual(["Cost", "Money"]);
    expect(opening.docCounts).toEqual({ [w.cost.id]: 4 });
    expect(opening.codebookSize).toBe(3);
    // Everything it sends, the whole workspace holds too.
    const whole = (await getWorkspace(w.project.id, w.document.id, { id: w.owner.id, role: "owner" }))!;
    expect(whole.codings.filter((c) => c.start < window.end && c.end > window.start)).toEqual(opening.codings);
  });

  it("opens around a linked coding or span, in code points", async () => {
    const w = await world();
    const owner = { id: w.owner.id, role: "owner" as const };
    const byCoding = (await getWorkspaceOpening(w.project.id, w.document.id, owner, { codingId: w.bens.id }))!;
    expect(byCoding.focus).toEqual({ start: w.bens.start, end: w.bens.end });
    expect(byCoding.window.firstTurn).toBe(50);
    expect(byCoding.window.text).toBe(sliceByCodePoints(w.text, byCoding.window.start, byCoding.window.end));
    expect(byCoding.codings.map((c) => c.id)).toContain(w.bens.id);
    const bySpan = (await getWorkspaceOpening(w.project.id, w.document.id, owner, { start: w.turns[40].start, end: w.turns[40].end }))!;
    expect(bySpan.window.firstTurn).toBe(38);
    const outside = (await getWorkspaceOpening(w.project.id, w.document.id, owner, { start: 5, end: 10 ** 7 }))!;
    expect(outside.focus).toBeNull();
  });

  it("keeps to blind coding: a blind analyst gets only her codings and counts, a viewer none, and a link to a hidden coding focuses nothing", async () => {
    const w = await world();
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    const ana = (await getWorkspaceOpening(w.project.id, w.document.id, { id: w.ana.id, role: "analyst" }, { codingId: w.bens.id }))!;
    expect(ana.blind).toBe(true);
    expect(ana.focus).toBeNull();
    expect(ana.window.start).toBe(0);
    expect(ana.codings.map((c) => c.coderId)).toEqual([w.ana.id]);
    expect(ana.docCounts).toEqual({ [w.cost.id]: 2 });
    expect(ana.coders.map((c) => c.id)).toEqual([w.ana.id]);
    expect(await getProjectCodeCounts(w.project.id, { id: w.ana.id, role: "analyst" })).toEqual({ [w.cost.id]: 2 });
    expect(await getProjectCodeCounts(w.project.id, { id: w.vic.id, role: "viewer" })).toEqual({});
    expect(await getProjectCodeCounts(w.project.id, { id: w.owner.id, role: "owner" })).toEqual({ [w.cost.id]: 4 });
    const vic = (await getWorkspaceOpening(w.project.id, w.document.id, { id: w.vic.id, role: "viewer" }, {}))!;
    expect(vic.codings).toEqual([]);
    expect(vic.docCounts).toEqual({});
    expect(vic.codes).toEqual([]);
  });

  it("leaves the project counts out of the rest of the workspace when asked to, and counts the same otherwise", async () => {
    const w = await world();
    const owner = { id: w.owner.id, role: "owner" as const };
    const without = (await getWorkspace(w.project.id, w.document.id, owner, { projectCounts: false }))!;
    const whole = (await getWorkspace(w.project.id, w.document.id, owner))!;
    expect(without.projectCounts).toEqual({});
    expect(whole.projectCounts).toEqual(await getProjectCodeCounts(w.project.id, owner));
    expect(without.codings).toEqual(whole.codings);
  });

  it("is null for a document of another project", async () => {
    const w = await world();
    const elsewhere = await makeProject(prisma, [{ userId: w.owner.id, role: "owner" }]);
    expect(await getWorkspaceOpening(elsewhere.id, w.document.id, { id: w.owner.id, role: "owner" }, {})).toBeNull();
  });
});
