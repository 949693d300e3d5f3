import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record";
import { db } from "../../../lib/db/client";
import { type LiveNotice } from "../../../lib/live/channel";
import { eventsAfter } from "../../../lib/live/events";
import { LiveHub, liveHub } from "../../../lib/live/hub";
import { liveStream } from "../../../lib/live/stream";
import { readScope } from "../../../lib/rigour/blind";
import { teamWorld, type TeamWorld } from "../helpers/team-world";
import { useTestDatabase } from "../helpers/test-database";

const { prisma, url } = await useTestDatabase();

type Heard = LiveNotice | { k: "gap" };
const hubs: LiveHub[] = [];
afterAll(async () => {
  await Promise.all([...hubs, liveHub()].map((h) => h.close()));
});
const newHub = () => {
  const hub = new LiveHub(url);
  hubs.push(hub);
  return hub;
};

/** Resolves with what `list` holds once `ok` says so, polling (notifications arrive asynchronously). */
async function until<T>(read: () => T, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function audit(w: TeamWorld, entry: { actorId: string; action: string; entity: string; entityId: string; after?: unknown }, rollback = false) {
  await db()
    .$transaction(async (tx) => {
      await recordAudit(tx, { projectId: w.project.id, ...entry });
      if (rollback) throw new Error("rolled back on purpose");
    })
    .catch((error: Error) => {
      if (!rollback) throw error;
    });
}

let w: TeamWorld;
beforeAll(async () => {
  w = await teamWorld(prisma);
});

describe("the change feed between app instances (LISTEN/NOTIFY)", () => {
  it("tells every instance watching the project about a committed change, and nothing about a rolled-back one", async () => {
    const [first, second] = [newHub(), newHub()];
    const heardA: Heard[] = [];
    const heardB: Heard[] = [];
    await first.subscribe(w.project.id, (n) => heardA.push(n));
    await second.subscribe(w.project.id, (n) => heardB.push(n));
    const other: Heard[] = [];
    await second.subscribe(w.other.id, (n) => other.push(n));

    await audit(w, { actorId: w.ana.id, action: "code.create", entity: "Code", entityId: "rolled" }, true);
    await audit(w, { actorId: w.ana.id, action: "code.create", entity: "Code", entityId: "kept" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: w.project.id, entityId: "kept" } });
    await until(() => heardA, (l) => l.length > 0, "the first instance");
    await until(() => heardB, (l) => l.length > 0, "the second instance");
    expect(heardA).toEqual([{ k: "audit", id: event.id.toString() }]);
    expect(heardB).toEqual([{ k: "audit", id: event.id.toString() }]);
    expect(other).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { entityId: "rolled" } })).toBe(0);
  });

  it("stops listening when the last page of a project leaves", async () => {
    const hub = newHub();
    const unsubscribe = await hub.subscribe(w.project.id, () => undefined);
    const again = await hub.subscribe(w.project.id, () => undefined);
    await unsubscribe();
    expect(hub.watched()).toEqual([`grounded_project_${w.project.id}`]);
    await again();
    expect(hub.watched()).toEqual([]);
  });

  it("reconnects after its connection is killed, says 'gap' so pages catch up, and hears later changes", async () => {
    const hub = newHub();
    const heard: Heard[] = [];
    await hub.subscribe(w.project.id, (n) => heard.push(n));
    await prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'grounded-live' AND datname = current_database()`;
    await until(() => heard, (l) => l.some((n) => n.k === "gap"), "the gap after reconnecting");
    await audit(w, { actorId: w.ana.id, action: "code.create", entity: "Code", entityId: "after-reconnect" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: "after-reconnect" } });
    await until(() => heard, (l) => l.some((n) => n.k === "audit" && n.id === event.id.toString()), "the change after reconnecting");
  });
});

describe("what each reader may hear of", () => {
  it("leaves out another analyst's coding events for a blind analyst and a viewer, not for the owner or the analyst herself", async () => {
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: true } });
    const start = (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
    await audit(w, { actorId: w.ben.id, action: "coding.create", entity: "Coding", entityId: "bens-coding", after: { coderId: w.ben.id, documentId: w.doc1.id, codeId: w.cost.id, version: 1 } });
    await audit(w, { actorId: w.olivia.id, action: "code.update", entity: "Code", entityId: w.cost.id, after: { id: w.cost.id } });
    const heardBy = async (user: { id: string }, role: "owner" | "analyst" | "viewer") =>
      (await eventsAfter(w.project.id, start, await readScope(w.project.id, { id: user.id, role }))).events.map((e) => e.entityId);
    expect(await heardBy(w.ana, "analyst")).toEqual([w.cost.id]);
    expect(await heardBy(w.vic, "viewer")).toEqual([w.cost.id]);
    expect(await heardBy(w.ben, "analyst")).toEqual(["bens-coding", w.cost.id]);
    expect(await heardBy(w.olivia, "owner")).toEqual(["bens-coding", w.cost.id]);
    const [coding] = (await eventsAfter(w.project.id, start, await readScope(w.project.id, { id: w.olivia.id, role: "owner" }))).events;
    // Ids and versions only: the page re-reads the row itself.
    expect(coding).toMatchObject({ action: "coding.create", entity: "Coding", documentId: w.doc1.id, codeId: w.cost.id, version: 1, actor: { id: w.ben.id, name: "Ben" } });
    expect(JSON.stringify(coding)).not.toContain("quote");
    await prisma.project.update({ where: { id: w.project.id }, data: { blindCoding: false } });
  });
});

describe("the Server-Sent Events stream", () => {
  it("replays what a reconnecting page missed after its Last-Event-ID, then sends new changes as they commit", async () => {
    const before = (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
    await audit(w, { actorId: w.ana.id, action: "memo.create", entity: "Memo", entityId: "missed", after: { authorId: w.ana.id } });
    const abort = new AbortController();
    const stream = liveStream({ projectId: w.project.id, viewer: { id: w.olivia.id, role: "owner", name: "Olivia" }, lastEventId: before, where: "page:summaries", signal: abort.signal });
    const reader = stream.getReader();
    let text = "";
    const read = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += new TextDecoder().decode(value);
      }
    };
    await read('"entityId":"missed"');
    const missed = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: "missed" } });
    expect(text).toContain(`id: ${missed.id}\nevent: change\n`);
    await audit(w, { actorId: w.ben.id, action: "code.create", entity: "Code", entityId: "live-now" });
    await read('"entityId":"live-now"');
    expect(text.match(/"entityId":"missed"/g)).toHaveLength(1);
    abort.abort();
  });
});
