import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { applyCodes } from "../../../lib/codings/mutations";
import { applyCodesSchema } from "../../../lib/codings/schema";
import { deleteCode, mergeCodes, moveCode } from "../../../lib/codes/mutations";
import { deleteCodeSchema, mergeCodesSchema, moveCodeSchema } from "../../../lib/codes/schema";
import { makeCode, makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";
import { as } from "../helpers/team-world";

const { prisma } = await useTestDatabase();

// One long line of words, so every analyst can code many distinct spans.
const WORDS = Array.from({ length: 400 }, (_, i) => `word${i}`);
const TEXT = WORDS.join(" ");
const spanOf = (i: number) => {
  const start = WORDS.slice(0, i).join(" ").length + (i > 0 ? 1 : 0);
  return { start, end: start + WORDS[i]!.length };
};

async function teamOf(analysts: number) {
  const owner = await makeUser(prisma, { name: "Owner" });
  const coders = await Promise.all(Array.from({ length: analysts }, (_, i) => makeUser(prisma, { name: `Analyst ${i}` })));
  const project = await makeProject(prisma, [{ userId: owner.id, role: "owner" }, ...coders.map((c) => ({ userId: c.id, role: "analyst" as const }))]);
  const document = await makeDocument(prisma, project.id, TEXT);
  return { owner, coders, project, document };
}

type Team = Awaited<ReturnType<typeof teamOf>>;

/** Many analysts apply `codeId` at distinct spans while `change` runs; returns every answer. */
async function applyWhile(team: Team, codeId: string, applies: number, change: () => Promise<unknown>) {
  const answers: Promise<Awaited<ReturnType<typeof applyCodes>> | { refused: string }>[] = [];
  let changed: Promise<unknown> | undefined;
  for (let i = 0; i < applies; i++) {
    const coder = team.coders[i % team.coders.length]!;
    const input = { projectId: team.project.id, documentId: team.document.id, codeIds: [codeId], ...spanOf(i) };
    answers.push(
      runProjectAction(as(coder), applyCodesSchema, "analyst", applyCodes, input).then((r) => (r.ok ? r.data : { refused: `${r.error.code}: ${r.error.message}` })),
    );
    // The codebook change starts in the middle of the stream of applies.
    if (i === Math.floor(applies / 3)) changed = change();
  }
  const results = await Promise.all(answers);
  return { results, changeResult: await changed };
}

function confirmedIds(results: Awaited<ReturnType<typeof applyWhile>>["results"]) {
  return results.flatMap((r) => ("refused" in r ? [] : r.codings.map((c) => c.id)));
}

describe("codebook changes while analysts code", () => {
  it("a merge of S into T: every confirmed coding ends on T, every refusal says so, nothing is left on S", async () => {
    for (let round = 0; round < 4; round++) {
      const team = await teamOf(8);
      const source = await makeCode(prisma, team.project.id, "Source");
      const target = await makeCode(prisma, team.project.id, "Target");
      const { results, changeResult } = await applyWhile(team, source.id, 60, () =>
        runProjectAction(as(team.owner), mergeCodesSchema, "owner", mergeCodes, { projectId: team.project.id, sourceId: source.id, targetId: target.id }),
      );
      expect(changeResult).toMatchObject({ ok: true });
      const confirmed = confirmedIds(results);
      const stored = await prisma.coding.findMany({ where: { id: { in: confirmed } }, select: { id: true, codeId: true } });
      expect(stored.length).toBe(confirmed.length);
      expect(stored.filter((c) => c.codeId !== target.id)).toEqual([]);
      expect(await prisma.coding.count({ where: { codeId: source.id } })).toBe(0);
      for (const r of results) if ("refused" in r) expect(r.refused).toMatch(/^VALIDATION: The code "Source" was just merged into "Target"/);
    }
  });

  it("a delete: every confirmed coding was made before the delete and is counted in its hidden codings", async () => {
    const team = await teamOf(6);
    const code = await makeCode(prisma, team.project.id, "Doomed");
    const { results, changeResult } = await applyWhile(team, code.id, 40, () =>
      runProjectAction(as(team.owner), deleteCodeSchema, "owner", deleteCode, { projectId: team.project.id, codeId: code.id }),
    );
    expect(changeResult).toMatchObject({ ok: true });
    const hidden = (changeResult as { data: { hiddenCodings: number } }).data.hiddenCodings;
    const confirmed = confirmedIds(results);
    // The delete counted exactly the codings confirmed before it; later applies were refused.
    expect(hidden).toBe(confirmed.length);
    expect(await prisma.coding.count({ where: { codeId: code.id } })).toBe(confirmed.length);
    for (const r of results) if ("refused" in r) expect(r.refused).toMatch(/^VALIDATION: The code "Doomed" was deleted/);
  });

  it("a move under a parent that is being merged away ends under the merge's target or is refused", async () => {
    for (let round = 0; round < 10; round++) {
      const team = await teamOf(1);
      const parent = await makeCode(prisma, team.project.id, "Parent");
      const target = await makeCode(prisma, team.project.id, "Target");
      const child = await makeCode(prisma, team.project.id, "Child");
      const [moved, merged] = await Promise.all([
        runProjectAction(as(team.owner), moveCodeSchema, "owner", moveCode, { projectId: team.project.id, codeId: child.id, parentId: parent.id, position: 0 }),
        runProjectAction(as(team.owner), mergeCodesSchema, "owner", mergeCodes, { projectId: team.project.id, sourceId: parent.id, targetId: target.id }),
      ]);
      expect(merged).toMatchObject({ ok: true });
      const after = await prisma.code.findUniqueOrThrow({ where: { id: child.id } });
      if (moved.ok) expect(after.parentId).toBe(target.id);
      else {
        expect(moved.error.code).toBe("NOT_FOUND");
        expect(after.parentId).toBeNull();
      }
    }
  });
});
