import { describe, expect, it } from "vitest";
import { openQdpx } from "../../../../lib/interop/refi/archive";
import { resolveLimits } from "../../../../lib/interop/refi/limits";
import { buildImportPlan } from "../../../../lib/interop/refi/plan";
import { readCodebook } from "../../../../lib/interop/refi/read-codebook";
import { readProject } from "../../../../lib/interop/refi/read-project";
import { loadTexts } from "../../../../lib/interop/refi/source-texts";
import { parseXml } from "../../../../lib/interop/refi/xml-read";
import { schemaErrors, shared, SHARED, sharedExists } from "./fixtures";

// Real files made by other tools (see /work/shared/interop/README.md). They are not in the
// repository, so these tests run only where that folder exists.
if (!sharedExists) console.warn(`Skipping REFI-QDA tests over real files: ${SHARED} does not exist.`);

describe.skipIf(!sharedExists)("real REFI-QDA files", () => {
  it("qc 1.3.2 .qdpx: no XML declaration, nameless sources, bare plainTextPath; 158 selections carrying 205 codings, quoting whole lines", async () => {
    const archive = openQdpx(shared("qc-1.3.2_demo.qdpx"), "qc.qdpx", resolveLimits());
    expect(await schemaErrors("Project.xsd", new TextDecoder().decode(archive.projectXml))).toEqual([]);
    const where = { fileName: "qc.qdpx", part: archive.projectEntry };
    const project = readProject(where, parseXml(archive.projectXml, where, 256));
    const count = (codes: typeof project.codes): number => codes.reduce((n, c) => n + 1 + count(c.children), 0);
    expect([project.users.length, project.textSources.length, count(project.codes), project.cases.length, project.notes.length]).toEqual([1, 2, 262, 0, 0]);
    expect(project.textSources.map((s) => [s.name, s.plainTextPath])).toEqual([
      [null, "board_2017.txt"],
      [null, "admin-1.txt"],
    ]);
    const selections = project.textSources.flatMap((s) => s.selections);
    expect(selections).toHaveLength(158);
    expect(selections.reduce((n, s) => n + s.codings.length, 0)).toBe(205);

    const plan = buildImportPlan(project, loadTexts(project, archive), { fileName: "qc.qdpx" });
    expect(plan.codings).toHaveLength(205);
    expect(plan.warnings).toEqual([]);
    const line6 = plan.codings.find((c) => c.start === 320)!;
    expect(line6).toMatchObject({ end: 400, quote: "This district goal is engage every student in joyful, purposeful learning that \n" });
    expect(plan.codes.find((c) => c.key === line6.codeKey)?.name).toBe("fun");
  });

  it("Taguette 1.4.1 .qdc: one line, empty <Sets/> (invalid per Codebook.xsd, read anyway), 3 flat codes", async () => {
    const bytes = shared("taguette-1.4.1_codebook.qdc");
    expect(await schemaErrors("Codebook.xsd", new TextDecoder().decode(bytes))).toEqual([expect.stringMatching(/Sets': Missing child element/)]);
    const where = { fileName: "taguette.qdc", part: null };
    const codebook = readCodebook(where, parseXml(bytes, where, 64));
    expect(codebook).toMatchObject({ origin: "Taguette 1.4.1", sets: 0 });
    expect(codebook.codes.map((c) => [c.guid, c.name, c.color, c.description, c.children.length])).toEqual([
      ["098ac082-a9c7-50f4-9728-48730081a95e", "xsd:element name", null, null, 0],
      ["a2209cff-8e89-5b0a-a7b0-cddc4be92936", "CodeBook", null, null, 0],
      ["dd1b8ad4-9b6e-5be2-bd0b-fde7deafdda4", "Variables", null, null, 0],
    ]);
  });
});
