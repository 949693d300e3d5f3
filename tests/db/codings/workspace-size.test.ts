import { beforeAll, describe, expect, it } from "vitest";
import { packCodes, unpackCodes } from "../../../lib/codes/packed";
import { getWorkspace } from "../../../lib/codings/data";
import { packWorkspaceRows } from "../../../lib/codings/view";
import { generateLargeCodebook } from "../../../scripts/bench/large-codebook";
import { useTestDatabase } from "../helpers/test-database";

// Issue 14.3: the transcript page sends what drawing the workspace needs, not the whole
// codebook's details. The props are built as app/projects/[projectId]/documents/[documentId]/page.tsx
// builds them and measured as JSON (React's serialization of the same values is within a few
// per cent). Bounds: the codebook costs at most BYTES_PER_CODE bytes a code (its id, name,
// colour, shortcut, place and project count; the generated ids here are 10-16 characters, a
// cuid 25, so a real codebook costs about 10 more), and nothing else in the props grows with it.
const BYTES_PER_CODE = 64;

const { prisma } = await useTestDatabase();
const sizes = [1_000, 10_000] as const;
const props: Record<number, { codebook: number; rest: number; codes: number; definitions: number }> = {};

beforeAll(async () => {
  for (const size of sizes) {
    const tag = `w${size}`;
    await generateLargeCodebook(prisma, { tag, codes: size, documents: 4, codings: 1_500, passwordHash: "x" });
    const workspace = (await getWorkspace(`${tag}-project`, `${tag}-doc-1`, { id: `${tag}-owner`, role: "owner" }))!;
    const { codings, codes, projectCounts, document: { turns, ...document }, ...rest } = workspace;
    const packed = packCodes(codes, projectCounts);
    // The round trip the workspace makes in the browser gives back what the server read.
    expect(unpackCodes(packed).codes).toEqual(codes.map((c) => ({ ...c, parentId: codes.some((p) => p.id === c.parentId) ? c.parentId : null })));
    const definitions = await prisma.code.findMany({ where: { projectId: `${tag}-project` }, select: { description: true, inclusion: true, exclusion: true, example: true } });
    props[size] = {
      codebook: JSON.stringify(packed).length,
      rest: JSON.stringify({ workspace: { ...rest, document: { ...document, text: "" } } }).length,
      codes: codes.length,
      definitions: JSON.stringify(definitions).length,
    };
  }
  console.log("transcript page props (bytes):", props);
}, 600_000);

describe("the transcript page's props with a large codebook", () => {
  for (const size of sizes) {
    it(`stay under ${BYTES_PER_CODE} bytes a code with ${size.toLocaleString("en")} codes, definitions left out`, () => {
      const p = props[size];
      expect(p.codes).toBeGreaterThanOrEqual(size * 0.9);
      expect(p.codebook).toBeLessThan(p.codes * BYTES_PER_CODE);
      // The definitions alone (one line each here; up to 4 x 5,000 characters from an import) would be more than the codebook sent.
      expect(p.definitions).toBeGreaterThan(p.codebook);
    });
  }

  it("send nothing else that grows with the codebook", () => {
    expect(props[10_000].rest).toBeLessThan(2_000);
    expect(Math.abs(props[10_000].rest - props[1_000].rest)).toBeLessThan(200);
  });

  it("and the transcript's own rows do not depend on the codebook's size", async () => {
    const workspace = (await getWorkspace("w10000-project", "w10000-doc-1", { id: "w10000-owner", role: "owner" }))!;
    const rows = packWorkspaceRows(workspace.document.turns, workspace.codings);
    // Codings point into a table of the codes used in this document, not the codebook.
    const used = new Set(workspace.codings.map((c) => c.codeId)).size;
    expect(JSON.parse(rows.codings).codes).toHaveLength(used);
  });
});
