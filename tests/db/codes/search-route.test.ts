import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { useTestDatabase } from "../helpers/test-database";
import { as, teamWorld, type TeamWorld } from "../helpers/team-world";

// GET /api/projects/:projectId/codes?q=&kind=: the code choosers of the findings and
// disagreements pages. Only the session is replaced; the handler, its checks and PostgreSQL are real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../../lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { prisma } = await useTestDatabase();
const { GET } = await import("../../../app/api/projects/[projectId]/codes/route");
const get = async (projectId: string, query = "") => {
  const response = await GET(new Request(`http://localhost/x?${query}`), { params: Promise.resolve({ projectId }) });
  return { status: response.status, body: await response.json() };
};

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
  // Cost > Cloud cost > Storage cost; Community; a deleted "Old cost".
  const cloud = await prisma.code.create({ data: { projectId: w.project.id, name: "Cloud cost", parentId: w.cost.id } });
  await prisma.code.create({ data: { projectId: w.project.id, name: "Storage cost", parentId: cloud.id } });
  await prisma.code.create({ data: { projectId: w.project.id, name: "Old cost", deletedAt: new Date() } });
});

describe("searching the codebook for a chooser", () => {
  it("finds codes by name with their path, best first, and only live codes of the project", async () => {
    session.user = as(w.vic);
    const { status, body } = await get(w.project.id, "q=cost");
    expect(status).toBe(200);
    expect(body).toEqual({
      total: 3,
      codes: [
        { id: w.cost.id, name: "Cost", path: "" },
        { id: expect.any(String), name: "Cloud cost", path: "Cost" },
        { id: expect.any(String), name: "Storage cost", path: "Cost / Cloud cost" },
      ],
    });
    expect((await get(w.project.id, "q=cost%20/%20storage")).body.codes.map((c: { name: string }) => c.name)).toEqual(["Storage cost"]);
  });

  it("lists only codes with sub-codes for kind=parents, and the first codes for an empty query", async () => {
    session.user = as(w.ana);
    expect((await get(w.project.id, "kind=parents")).body.codes.map((c: { name: string }) => c.name)).toEqual(["Cost", "Cloud cost"]);
    expect((await get(w.project.id, "q=storage&kind=parents")).body).toEqual({ codes: [], total: 0 });
    expect((await get(w.project.id)).body.total).toBe(4);
  });

  it("answers NOT_FOUND to a stranger, 401 to the signed-out, 400 to a malformed query", async () => {
    session.user = as(w.otto);
    const stranger = await get(w.project.id, "q=cost");
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.body)).not.toContain("Cloud");
    session.user = null;
    expect((await get(w.project.id, "q=cost")).status).toBe(401);
    session.user = as(w.ana);
    expect((await get(w.project.id, "kind=everything")).status).toBe(400);
    expect((await get("x".repeat(65), "q=cost")).status).toBe(400);
  });
});
