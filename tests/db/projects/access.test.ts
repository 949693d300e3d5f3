import { z } from "zod";
import { describe, expect, it } from "vitest";
import { runProjectAction } from "../../../lib/auth/project-access";
import { makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const { prisma } = await useTestDatabase();

const asUser = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });
const readSchema = z.object({ projectId: z.string() });

async function world() {
  const owner = await makeUser(prisma);
  const analyst = await makeUser(prisma);
  const viewer = await makeUser(prisma);
  const stranger = await makeUser(prisma);
  const a = await makeProject(prisma, [
    { userId: owner.id, role: "owner" },
    { userId: analyst.id, role: "analyst" },
    { userId: viewer.id, role: "viewer" },
  ]);
  const b = await makeProject(prisma, [{ userId: stranger.id, role: "owner" }]);
  return { owner, analyst, viewer, stranger, a, b };
}

describe("project access for actions and route handlers", () => {
  it("answers NOT_FOUND for another project's id, exactly as for an id that does not exist", async () => {
    const w = await world();
    let ran = false;
    const handler = async () => {
      ran = true;
      return "data";
    };
    const foreign = await runProjectAction(asUser(w.analyst), readSchema, "viewer", handler, { projectId: w.b.id });
    const missing = await runProjectAction(asUser(w.analyst), readSchema, "viewer", handler, { projectId: "no-such-project" });
    expect(foreign).toEqual({ ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(missing).toEqual(foreign);
    expect(ran).toBe(false);
  });

  it("lets viewers read and refuses them writes with FORBIDDEN; analysts may code but not manage", async () => {
    const w = await world();
    const ok = async () => "ok";
    expect(await runProjectAction(asUser(w.viewer), readSchema, "viewer", ok, { projectId: w.a.id })).toEqual({ ok: true, data: "ok" });
    expect(await runProjectAction(asUser(w.viewer), readSchema, "analyst", ok, { projectId: w.a.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await runProjectAction(asUser(w.analyst), readSchema, "analyst", ok, { projectId: w.a.id })).toEqual({ ok: true, data: "ok" });
    expect(await runProjectAction(asUser(w.analyst), readSchema, "owner", ok, { projectId: w.a.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("refuses a signed-out caller and malformed input before touching data", async () => {
    const w = await world();
    const ok = async () => "ok";
    expect(await runProjectAction(null, readSchema, "viewer", ok, { projectId: w.a.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const malformed = await runProjectAction(asUser(w.owner), readSchema, "viewer", ok, { projectId: 42 });
    expect(malformed).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { projectId: expect.any(Array) } } });
  });
});
