// npm run bench:correction — prints, on this machine, for a 50,000-word transcript with 2,000
// codings (two analysts, overlapping), one correction of a word in a turn in its middle:
//  1. the re-anchoring itself (code point diff + mapping every coding, consensus coding and
//     turn; lib/transcripts/correction/plan.ts), p50/max over 30 runs; target < 200 ms;
//  2. the same from a diff of the whole texts (what a correction not scoped to one turn costs);
//  3. the whole correction through the server action's path (zod, role, transaction that
//     archives the version, moves the codings, refreshes the passage tables, audit, and the
//     commit-time check of every span), over 5 corrections in a row.
// Not a test: figures vary with the machine.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runProjectAction } from "../../lib/auth/project-access";
import { snapToWords } from "../../lib/codings/spans/snap";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { codePointHunks, shiftHunks } from "../../lib/transcripts/correction/diff";
import { correctTurn } from "../../lib/transcripts/correction/mutations";
import { planCorrection } from "../../lib/transcripts/correction/plan";
import { correctTurnSchema } from "../../lib/transcripts/correction/schema";
import { codePointIndex, codePointLength } from "../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../lib/transcripts/plain-text";

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** About 50,000 words: the demo transcripts one after another, as one long interview. */
function longTranscript(): string {
  const dir = path.join(process.cwd(), "data", "demo", "transcripts");
  const parts: string[] = [];
  let words = 0;
  while (words < 50_000) {
    for (const file of fs.readdirSync(dir).sort()) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      parts.push(text.trim());
      words += text.split(/\s+/).length;
      if (words >= 50_000) break;
    }
  }
  return parts.join("\n\n");
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${s[Math.floor(s.length / 2)].toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grounded-bench-"));
fs.chmodSync(dataDir, 0o711);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const url = postgres.urlFor("grounded");
try {
  await ensureDatabase(postgres.urlFor("postgres"), "grounded");
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const prisma = createPrismaClient(url);
  const users = await Promise.all(["ana", "ben"].map((n) => prisma.user.create({ data: { email: `${n}@bench.example`, name: n, passwordHash: "x" } })));
  const project = await prisma.project.create({ data: { name: "Benchmark", memberships: { create: users.map((u) => ({ userId: u.id, role: "analyst" as const })) } } });
  const parsed = parsePlainTextTranscript(longTranscript());
  const document = await prisma.document.create({
    data: {
      projectId: project.id,
      title: "A 50,000-word transcript",
      text: parsed.text,
      textLength: codePointLength(parsed.text),
      checksum: createHash("sha256").update(parsed.text).digest("hex"),
      sourceFormat: "text",
      turns: { create: parsed.turns.map((t, index) => ({ ...t, index, role: t.speaker === "Interviewer" ? "interviewer" : "respondent" })) },
    },
  });
  const codes = await prisma.code.createManyAndReturn({ data: ["Breadth", "Cost", "Relationship", "Locality", "Community", "Productivity"].map((name, position) => ({ projectId: project.id, name, position })) });
  const index = codePointIndex(parsed.text);
  const next = random(7);
  const seen = new Set<string>();
  const codings: { projectId: string; documentId: string; codeId: string; coderId: string; start: number; end: number; quote: string }[] = [];
  while (codings.length < 2000) {
    const start = Math.floor(next() * (document.textLength - 400));
    const span = snapToWords(parsed.text, start, start + 20 + Math.floor(next() * 300));
    if (!span) continue;
    const coderId = users[codings.length % 2].id;
    const codeId = codes[Math.floor(next() * codes.length)].id;
    const key = `${codeId} ${coderId} ${span.start} ${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codings.push({ projectId: project.id, documentId: document.id, codeId, coderId, ...span, quote: parsed.text.slice(index.toUtf16(span.start), index.toUtf16(span.end)) });
  }
  await prisma.coding.createMany({ data: codings });
  const words = parsed.text.split(/\s+/).length;
  console.log(`Transcript: ${words} words, ${document.textLength} characters, ${parsed.turns.length} turns, ${codings.length} codings.`);

  // The turn with the most codings in the first half; the correction replaces its third word and adds one.
  const turns = await prisma.speakerTurn.findMany({ where: { documentId: document.id }, orderBy: { index: "asc" } });
  const inTurn = (t: { start: number; end: number }) => codings.filter((c) => c.start < t.end && c.end > t.start).length;
  const turn = turns.slice(0, Math.floor(turns.length / 2)).reduce((best, t) => (inTurn(t) > inTurn(best) ? t : best));
  const oldTurnText = parsed.text.slice(index.toUtf16(turn.start), index.toUtf16(turn.end));
  const wordsOfTurn = oldTurnText.split(" ");
  const correctedTurn = (n: number) => [...wordsOfTurn.slice(0, 2), `corrected${n}`, "indeed", ...wordsOfTurn.slice(3)].join(" ");
  const newTurnText = correctedTurn(0);
  const newText = parsed.text.slice(0, index.toUtf16(turn.start)) + newTurnText + parsed.text.slice(index.toUtf16(turn.end));
  const stored = await prisma.coding.findMany({ where: { documentId: document.id }, select: { id: true, codeId: true, coderId: true, start: true, end: true, quote: true } });
  const editedTurn = { id: turn.id, start: turn.start, end: turn.end, newLength: codePointLength(newTurnText) };

  const scoped: number[] = [];
  const whole: number[] = [];
  let counts = null;
  for (let i = 0; i < 30; i++) {
    let t0 = performance.now();
    const hunks = shiftHunks(codePointHunks(oldTurnText, newTurnText), turn.start, turn.start);
    counts = planCorrection({ oldText: parsed.text, newText, hunks, codings: stored, consensus: [], turns, editedTurn }).counts;
    scoped.push(performance.now() - t0);
    t0 = performance.now();
    planCorrection({ oldText: parsed.text, newText, hunks: codePointHunks(parsed.text, newText), codings: stored, consensus: [], turns, editedTurn });
    whole.push(performance.now() - t0);
  }
  console.log(`Re-anchoring (diff of the turn, ${stored.length} codings, ${turns.length} turns): ${stats(scoped)}  [target < 200 ms] -> ${JSON.stringify(counts)}`);
  console.log(`Re-anchoring from a diff of the whole texts: ${stats(whole)}`);

  const me = { id: users[0].id, email: users[0].email, name: users[0].name };
  const full: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const result = await runProjectAction(me, correctTurnSchema, "analyst", correctTurn, { projectId: project.id, documentId: document.id, version: i + 1, turnIndex: turn.index, text: correctedTurn(i), speaker: turn.speaker });
    full.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.error.message);
  }
  console.log(`Whole correction (server action path, transaction, commit-time span check): ${stats(full)}`);
  await prisma.$disconnect();
} finally {
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
