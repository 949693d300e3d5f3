import { describe, expect, it } from "vitest";
import { toActionError } from "../../../lib/errors";
import { makeProject } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

describe("two writers that deadlock", () => {
  it("the one PostgreSQL rolls back is told to try again (CONFLICT), not 'something went wrong'", async () => {
    const [a, b] = [await makeProject(prisma, []), await makeProject(prisma, [])];
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => {
      let count = 0;
      release = () => ++count === 2 && resolve();
    });
    // Each takes one row, waits for the other to take its row, then asks for the other's: a cycle.
    const cross = (first: string, second: string) =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT id FROM "Project" WHERE id = ${first} FOR UPDATE`;
        release();
        await bothLocked;
        await tx.$executeRaw`SELECT id FROM "Project" WHERE id = ${second} FOR UPDATE`;
      }, { timeout: 20_000 });
    const results = await Promise.allSettled([cross(a.id, b.id), cross(b.id, a.id)]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed).toHaveLength(1);
    expect(toActionError(failed[0]!.reason)).toEqual({ code: "CONFLICT", message: "Someone else changed this at the same moment; nothing was saved. Try again." });
  });
});
