// npm run bench:load [-- --analysts 20 --seconds 30 --merge-every 2.5]
//
// N analysts code at once through the real HTTP server actions while an owner merges codes
// (and deletes one) through them too, then every coding the server confirmed is held against
// the database: none lost, none duplicated, none with another coder, none stranded on a code
// that was merged away or deleted. Prints counts, refusals by reason, error rates, latency of
// applying a code and requests/second, and exits 1 if the reconciliation finds anything.
//
// Its own throwaway PostgreSQL in a temp dir, the built app started as `npm start` does
// (GROUNDED_DIST_DIR=.next-bench builds and serves a separate folder), traffic to 127.0.0.1
// only, and every loop ends by itself at the deadline (each request is cut after 30 s).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ADDRESS_MAX_FAILURES } from "../../lib/auth/sign-in";
import { snapToWords } from "../../lib/codings/spans/snap";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { startApp } from "../../tests/e2e/setup/start-app";
import { callAction, fillRoute, findActions, signIn, type ActionOutcome, type HttpSession } from "./load/http";
import { reconcile, type Confirmed } from "./load/reconcile";
import { PASSWORD, seedLoadStudy } from "./load/seed";
import { latencyLine, readRss, reasonOf, seededRandom, tally } from "./load/stats";

const { values: args } = parseArgs({ options: { analysts: { type: "string", default: "20" }, seconds: { type: "string", default: "30" }, "merge-every": { type: "string", default: "2.5" } } });
const analystCount = Number(args.analysts);
const seconds = Number(args.seconds);
const mergeEvery = Number(args["merge-every"]);
if (!(analystCount >= 1 && seconds > 0 && mergeEvery > 0)) throw new Error("--analysts, --seconds and --merge-every must be positive numbers");
const mergePairs = Math.max(1, Math.floor(seconds / mergeEvery) - 1);
const distDir = process.env.GROUNDED_DIST_DIR || ".next";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-load-"));
fs.chmodSync(dataDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const url = postgres.urlFor("grounded");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let failed = true;
try {
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const study = await seedLoadStudy(prisma, { analysts: analystCount, mergePairs, documents: 6 });
  const words = study.documents.reduce((sum, d) => sum + d.text.split(/\s+/).length, 0);
  const codeCount = study.merges.length * 2 + study.others.length + 1;
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} before the app starts (other work on it skews the figures).`);
  console.log(`Study: ${analystCount} analysts + 1 owner, ${study.documents.length} documents (${words} words), ${codeCount} codes (${mergePairs} pairs to merge, 1 to delete).`);

  app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: "load-bench-secret-that-is-at-least-32-characters", GROUNDED_DATA_DIR: dataDir });
  // The server listens on 127.0.0.1; naming it avoids a localhost lookup trying ::1 first.
  const base = app.url.replace("//localhost:", "//127.0.0.1:");
  const [apply, merge, remove] = findActions(distDir, [
    { filename: "lib/codings/actions.ts", exportedName: "applyCodesAction" },
    { filename: "lib/codes/actions.ts", exportedName: "mergeCodesAction" },
    { filename: "lib/codes/actions.ts", exportedName: "deleteCodeAction" },
  ]);
  const pageOf = (action: typeof apply, documentId: string) => fillRoute(action.route, { projectId: study.projectId, documentId });
  console.log(`Server actions (from ${distDir}/server/server-reference-manifest.json): applyCodesAction ${apply.id.slice(0, 10)}…, mergeCodesAction ${merge.id.slice(0, 10)}…, deleteCodeAction ${remove.id.slice(0, 10)}…, posted to ${apply.route}`);

  // Sign-in, one after another as people arrive: a successful sign-in takes its attempt back
  // from the address's count (lib/auth/sign-in.ts), so no throttle setting is changed here.
  const t0 = performance.now();
  const sessions: HttpSession[] = [];
  for (const person of [study.owner, ...study.analysts]) {
    const result = await signIn(base, person.email, PASSWORD);
    if ("refused" in result) throw new Error(`sign-in of ${person.email} was refused: ${result.refused}`);
    sessions.push(result.session);
  }
  const [ownerSession, ...analystSessions] = sessions;
  console.log(
    `Signed in ${sessions.length} people through POST /api/auth/callback/credentials from 127.0.0.1 in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `no throttle setting changed (a successful sign-in is not counted against the address; its limit is ${ADDRESS_MAX_FAILURES} attempts per 15 min).`,
  );

  const confirmations: Confirmed[] = [];
  type ApplyAnswer = { ok: true; data: { codings: { id: string; codeId: string; coderId: string; documentId: string; start: number; end: number }[]; created: string[] } } | { ok: false; error: { code: string; message: string } };
  const record = (outcome: ActionOutcome, coderId: string) => {
    if (outcome.kind !== "answer") return null;
    const answer = outcome.value as ApplyAnswer;
    if (answer.ok) for (const c of answer.data.codings) confirmations.push({ id: c.id, coderId, documentId: c.documentId, start: c.start, end: c.end, appliedCodeId: c.codeId });
    return answer;
  };

  // One call first: the whole path (action id, cookie, Origin, flight answer) must work before it is scaled.
  const probeDoc = study.documents[0];
  const probeSpan = snapToWords(probeDoc.text, 100, 180)!;
  const probe = record(await callAction(analystSessions[0], apply, pageOf(apply, probeDoc.id), [{ projectId: study.projectId, documentId: probeDoc.id, ...probeSpan, codeIds: [study.others[0]] }]), study.analysts[0].id);
  const probeId = probe?.ok ? probe.data.codings[0]?.id : undefined;
  const probeRow = probeId ? await prisma.coding.findUnique({ where: { id: probeId } }) : null;
  if (!probeRow || probeRow.coderId !== study.analysts[0].id) throw new Error(`the probe apply did not store a coding: ${JSON.stringify(probe)}`);
  console.log(`Probe: one applyCodesAction over HTTP answered ok with coding ${probeId}, found in the database with the right coder.`);

  // The run. Shared state is what a refreshed codebook would show an analyst.
  const retired = new Set<string>();
  let nextMerge = 0;
  let doomedGone = false;
  const applies: ActionOutcome[] = [];
  const refusals: string[] = [];
  const ownerLog: { what: string; outcome: ActionOutcome }[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const allCodes = [...study.merges.flatMap((m) => [m.sourceId, m.targetId]), ...study.others, study.doomedId];

  const analyst = async (index: number) => {
    const next = seededRandom(1000 + index);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const session = analystSessions[index];
    let known = [...allCodes];
    while (performance.now() < deadline) {
      const document = pick(study.documents);
      const start = Math.floor(next() * (document.textLength - 400));
      const span = snapToWords(document.text, start, start + 20 + Math.floor(next() * 300));
      if (!span) continue;
      // Often the code the owner merges next, or the one about to be deleted: the race under test.
      const upcoming = study.merges[nextMerge]?.sourceId;
      const roll = next();
      const first = roll < 0.35 && upcoming && known.includes(upcoming) ? upcoming : roll < 0.45 && known.includes(study.doomedId) ? study.doomedId : pick(known);
      const codeIds = next() < 0.2 ? [...new Set([first, pick(known)])] : [first];
      const outcome = await callAction(session, apply, pageOf(apply, document.id), [{ projectId: study.projectId, documentId: document.id, ...span, codeIds }]);
      applies.push(outcome);
      const answer = record(outcome, study.analysts[index].id);
      if (answer && !answer.ok) {
        refusals.push(reasonOf(answer.error));
        known = known.filter((id) => !retired.has(id) && !(id === study.doomedId && doomedGone)); // as after a reload
      }
    }
  };

  const owner = async () => {
    const deleteAt = started + (seconds / 2 + mergeEvery / 2) * 1000;
    for (let i = 0; i < study.merges.length; i++) {
      const at = started + (i + 1) * mergeEvery * 1000;
      if (!doomedGone && deleteAt < at && deleteAt < deadline) {
        await sleep(deleteAt - performance.now());
        const outcome = await callAction(ownerSession, remove, pageOf(remove, probeDoc.id), [{ projectId: study.projectId, codeId: study.doomedId }]);
        ownerLog.push({ what: "delete", outcome });
        doomedGone = true;
      }
      if (at >= deadline) break;
      await sleep(at - performance.now());
      const { sourceId, targetId } = study.merges[i];
      const outcome = await callAction(ownerSession, merge, pageOf(merge, probeDoc.id), [{ projectId: study.projectId, sourceId, targetId }]);
      ownerLog.push({ what: "merge", outcome });
      retired.add(sourceId);
      nextMerge = i + 1;
    }
  };

  await Promise.all([owner(), ...analystSessions.map((_, i) => analyst(i))]);
  const elapsed = (performance.now() - started) / 1000;
  const rss = readRss(app.process.pid);

  // What the owner's changes really did, from the audit log (ground truth even if an answer was lost).
  const events = await prisma.auditEvent.findMany({ where: { projectId: study.projectId, action: { in: ["code.merge", "code.delete"] } }, orderBy: { id: "asc" } });
  const mergedInto = new Map<string, string>();
  const droppedIds = new Set<string>();
  let deleted: { codeId: string; hiddenCodings: number } | null = null;
  for (const e of events) {
    if (e.action === "code.merge") {
      const after = e.after as { mergedInto: string; droppedDuplicates: { id: string }[] };
      mergedInto.set(e.entityId, after.mergedInto);
      for (const dropped of after.droppedDuplicates) droppedIds.add(dropped.id);
    }
    else deleted = { codeId: e.entityId, hiddenCodings: (e.before as { codings: number }).codings };
  }
  const r = await reconcile(prisma, study.projectId, confirmations, { mergedInto, droppedIds }, deleted);
  await prisma.$disconnect();

  const answered = applies.filter((o) => o.kind === "answer");
  const okApplies = answered.filter((o) => (o.value as ApplyAnswer).ok);
  const transport = applies.filter((o) => o.kind === "transport");
  const ownerOk = ownerLog.filter((l) => l.outcome.kind === "answer" && (l.outcome.value as { ok: boolean }).ok);
  const requests = applies.length + ownerLog.length;
  console.log(`\nRan ${elapsed.toFixed(1)} s: ${applies.length} applies by ${analystCount} analysts, ${ownerLog.filter((l) => l.what === "merge").length} merges and ${ownerLog.filter((l) => l.what === "delete").length} delete by the owner (${ownerOk.length} ok; audit log: ${mergedInto.size} merges, ${deleted ? 1 : 0} delete).`);
  for (const l of ownerLog.filter((l) => !ownerOk.includes(l))) console.log(`  owner ${l.what} not ok: ${l.outcome.kind === "answer" ? JSON.stringify(l.outcome.value) : l.outcome.reason}`);
  console.log(`Requests/second: ${(requests / elapsed).toFixed(1)} (server actions over HTTP); confirmed applies/second: ${(okApplies.length / elapsed).toFixed(1)}`);
  console.log(`Apply a code, ok answers: ${latencyLine(okApplies.map((o) => o.ms))}`);
  console.log(`Apply a code, every answer: ${latencyLine(applies.map((o) => o.ms))}`);
  console.log(`Merge / delete a code (owner): ${latencyLine(ownerLog.map((l) => l.outcome.ms))}`);
  console.log(`Error rate: refused (ok:false) ${refusals.length}/${applies.length} = ${((100 * refusals.length) / Math.max(1, applies.length)).toFixed(1)}%; transport errors ${transport.length}/${applies.length} = ${((100 * transport.length) / Math.max(1, applies.length)).toFixed(1)}%`);
  for (const [reason, n] of tally(refusals)) console.log(`  refused ${n}x: ${reason}`);
  for (const [reason, n] of tally(transport.map((o) => (o.kind === "transport" ? o.reason : "")))) console.log(`  transport ${n}x: ${reason}`);
  console.log(`\nReconciliation against the database:`);
  console.log(`  confirmed codings (distinct ids, probe included): ${r.confirmed}`);
  console.log(`  stored codings in the project: ${r.stored} (confirmed and found by id: ${r.storedConfirmed}; folded by a merge into the identical coding already on the target: ${r.foldedIntoIdentical}; stored but never confirmed: ${r.storedUnconfirmed})`);
  console.log(`  hidden with the deleted code (confirmed before the delete, restorable): ${r.hiddenByDelete}`);
  const checks = { lost: r.lost, duplicated: r.duplicated, "wrong coder": r.wrongCoder, "on another code or span than confirmed": r.misplaced, "stranded on merged-away codes": r.strandedOnMerged, "stranded on the deleted code (applied after the delete)": r.strandedOnDeleted };
  for (const [name, n] of Object.entries(checks)) console.log(`  ${name}: ${n}${n > 0 ? "   <-- must be 0" : ""}`);
  console.log(rss ? `Server RSS at the end: ${rss.rss} (peak ${rss.peak}), process ${app.process.pid}` : "Server RSS: not readable here");
  failed = Object.values(checks).some((n) => n > 0);
  console.log(failed ? "\nFAILED: the reconciliation found codings not where the server said they were." : "\nOK: every confirmed coding is stored once, with its coder, on a live code (or hidden with the deleted one).");
} finally {
  await app?.stop();
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
