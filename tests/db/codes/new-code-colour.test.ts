import { describe, expect, it } from "vitest";
import { newCodeColour } from "../../../lib/codes/mutations";
import { CODE_PALETTE } from "../../../lib/codes/palette";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

describe("a new code's colour, read from the database", () => {
  it("avoids the most-used code's colour even when that colour is the least given out", async () => {
    const coder = await makeUser(prisma);
    const project = await makeProject(prisma, [{ userId: coder.id, role: "analyst" }]);
    const doc = await makeDocument(prisma, project.id, "Interviewer: Why?\n\nAna: Because the price was right and the people were kind.");
    // The first colour is on one code only, but that code has the codings; every other colour is on two codes.
    const busy = await prisma.code.create({ data: { projectId: project.id, name: "Busy", colour: CODE_PALETTE[0]! } });
    for (const [i, colour] of CODE_PALETTE.slice(1).entries()) {
      await prisma.code.createMany({ data: [0, 1].map((n) => ({ projectId: project.id, name: `Quiet ${i}-${n}`, colour })) });
    }
    await prisma.coding.createMany({ data: [[24, 29], [34, 39], [40, 50]].map(([start, end]) => ({ projectId: project.id, documentId: doc.id, codeId: busy.id, coderId: coder.id, start: start!, end: end!, quote: doc.text.slice(start, end) })) });

    const colour = await prisma.$transaction((tx) => newCodeColour(tx, project.id, []));
    expect(colour).not.toBe(CODE_PALETTE[0]);
    expect(colour).toBe(CODE_PALETTE[1]);
  });
});
