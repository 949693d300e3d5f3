import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../../lib/auth/session";
import { as } from "../helpers/team-world";
import { makeDocument, makeProject, makeUser } from "../helpers/factories";
import { useTestDatabase } from "../helpers/test-database";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("../../../lib/auth/session", () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));

const { prisma } = await useTestDatabase();
const { GET } = await import("../../../app/api/projects/[projectId]/search/route");

const viewer = await makeUser(prisma);
const stranger = await makeUser(prisma);
const project = await makeProject(prisma, [{ userId: viewer.id, role: "viewer" }]);
const document = await makeDocument(prisma, project.id, "Interviewer: And labelling?\n\nAna: We labelled every image, twice. Labels are costly.");

const get = (query: string, projectId = project.id) => GET(new Request(`http://localhost:3000/api/projects/${projectId}/search?${query}`), { params: Promise.resolve({ projectId }) });

describe("GET /api/projects/<id>/search", () => {
  it("answers a viewer with the hits, their offsets into the transcript and the totals", async () => {
    session.user = as(viewer);
    const response = await get("q=label");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ totalHits: 3, totalInterviews: 1, capped: false, page: 1, pageCount: 1 });
    expect(body.groups[0].document).toEqual({ id: document.id, title: document.title });
    expect(body.groups[0].hits.map((h: { match: string; start: number; end: number }) => [h.match, [...document.text].slice(h.start, h.end).join("")])).toEqual([
      ["labelling", "labelling"],
      ["labelled", "labelled"],
      ["Labels", "Labels"],
    ]);
  });

  it("says NOT_FOUND to a non-member, and to nobody signed in it says sign in", async () => {
    session.user = as(stranger);
    expect((await get("q=label")).status).toBe(404);
    session.user = null;
    expect((await get("q=label")).status).toBe(401);
  });

  it("refuses a malformed search with a message, and another project's interview as not found", async () => {
    session.user = as(viewer);
    const empty = await get("q=%20%20");
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/Type something/);
    expect((await get("q=x&mode=fuzzy")).status).toBe(400);
    expect((await get("q=(a&mode=regex")).status).toBe(400);
    const elsewhere = await makeDocument(prisma, (await makeProject(prisma)).id, "labels");
    expect((await get(`q=label&documents=${elsewhere.id}`)).status).toBe(404);
  });
});
