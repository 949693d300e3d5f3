import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { useTestDatabase } from "../helpers/test-database";
import { as, teamWorld, type TeamWorld } from "../helpers/team-world";

// GET /api/projects/:projectId/codes/:codeId: a code's definition, opened from the workspace.
// Only the session is replaced; the handler, its checks and PostgreSQL are real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../../lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { prisma } = await useTestDatabase();
const { GET } = await import("../../../app/api/projects/[projectId]/codes/[codeId]/route");
const get = (projectId: string, codeId: string) => GET(new Request("http://localhost/x"), { params: Promise.resolve({ projectId, codeId }) });

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
  await prisma.code.update({ where: { id: w.cost.id }, data: { description: "Money talk.", inclusion: "Prices, bills", exclusion: "Time", example: "It was cheap." } });
});

describe("a code's definition on demand", () => {
  it("answers a viewer with the definition", async () => {
    session.user = as(w.vic);
    const response = await get(w.project.id, w.cost.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: { id: w.cost.id, name: "Cost", description: "Money talk.", inclusion: "Prices, bills", exclusion: "Time", example: "It was cheap." } });
  });

  it("answers NOT_FOUND for another project's code, a stranger, a deleted code, and an id that does not exist", async () => {
    session.user = as(w.ana);
    expect((await get(w.project.id, w.foreignCode.id)).status).toBe(404);
    expect((await get(w.other.id, w.foreignCode.id)).status).toBe(404);
    expect((await get(w.project.id, "cmissing0000000000000000")).status).toBe(404);
    const gone = await prisma.code.create({ data: { projectId: w.project.id, name: "Gone", deletedAt: new Date() } });
    expect((await get(w.project.id, gone.id)).status).toBe(404);
    session.user = as(w.otto);
    const body = await (await get(w.project.id, w.cost.id)).json();
    expect(body.error.code).toBe("NOT_FOUND");
    expect(JSON.stringify(body)).not.toContain("Money talk");
  });

  it("refuses the signed-out (401) and malformed ids (400)", async () => {
    session.user = null;
    expect((await get(w.project.id, w.cost.id)).status).toBe(401);
    session.user = as(w.ana);
    expect((await get(w.project.id, "x".repeat(65))).status).toBe(400);
  });
});
