import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runStartRefiImport } from "../../../lib/interop/refi/access";
import { importQdpx } from "../../../lib/interop/refi/api";
import { makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

// UTF-16 positions (as .NET tools count), one selection after an emoji, no quotations: read as
// code points, "We pay" would be "e pay ". Two readings, weak evidence.
const QDE = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Weak evidence" origin="Unnamed tool">
<Users><User guid="a2000000-0000-4000-8000-000000000001" name="Ana"/></Users>
<CodeBook><Codes><Code guid="c2000000-0000-4000-8000-000000000001" name="Cost" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="d2000000-0000-4000-8000-000000000001" name="Talk" plainTextPath="internal://talk.txt">
<PlainTextSelection guid="f3000000-0000-4000-8000-000000000001" startPosition="16" endPosition="22" creatingUser="a2000000-0000-4000-8000-000000000001">
<Coding guid="f4000000-0000-4000-8000-000000000001" creatingUser="a2000000-0000-4000-8000-000000000001"><CodeRef targetGUID="c2000000-0000-4000-8000-000000000001"/></Coding>
</PlainTextSelection></TextSource></Sources></Project>`;
const weakFile = () => zipSync({ "project.qde": new TextEncoder().encode(QDE), "sources/talk.txt": new TextEncoder().encode("I felt 😀 fine. We pay a lot.") });

describe("a .qdpx whose positions could be read two ways", () => {
  it("is not written when the importer asks first: the answer holds both readings to compare; confirmed, it imports with the better one", async () => {
    const importer = await makeUser(prisma, { name: "Iris" });
    const me = { user: { id: importer.id, email: importer.email, name: importer.name } };
    const projectsBefore = await prisma.project.count();

    const asked = await importQdpx(me, weakFile(), "weak.qdpx", { weakPositions: "ask" });
    expect(asked.mode).toBe("awaiting-confirmation");
    expect(asked.projectId).toBe("");
    expect(asked.positions).toMatchObject({ strength: "weak", ambiguousTotal: 1, ambiguous: [{ chosen: "We pay", alternative: "e pay " }] });
    expect(asked.counts).toMatchObject({ sources: 1, codes: 1, codings: 1 });
    expect(await prisma.project.count()).toBe(projectsBefore);

    const confirmed = await importQdpx(me, weakFile(), "weak.qdpx", { weakPositions: "accept" });
    expect(confirmed.mode).toBe("new-project");
    expect(await prisma.coding.findMany({ where: { projectId: confirmed.projectId }, select: { quote: true } })).toEqual([{ quote: "We pay" }]);
  });

  it("through the background job, the asking import ends with nothing written and says so", async () => {
    const importer = await makeUser(prisma, { name: "Jo" });
    const projectsBefore = await prisma.project.count();
    const started = await runStartRefiImport({ id: importer.id, email: importer.email, name: importer.name }, { fileName: "weak.qdpx", bytes: weakFile(), weakPositions: "ask" });
    if (!started.ok) throw new Error(started.error.message);
    let job = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: started.data.jobId } });
    for (let i = 0; i < 200 && job.status !== "succeeded" && job.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = await prisma.backgroundJob.findUniqueOrThrow({ where: { id: started.data.jobId } });
    }
    expect(job.status).toBe("succeeded");
    expect(job.result).toMatchObject({ message: expect.stringMatching(/^Nothing imported yet/), href: null, details: { mode: "awaiting-confirmation" } });
    expect(await prisma.project.count()).toBe(projectsBefore);
  });
});
