import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "../../../lib/auth/password";
import type { PrismaClient } from "../../../lib/db/generated/client";
import { codePointLength } from "../../../lib/transcripts/offsets";
import { parsePlainTextTranscript } from "../../../lib/transcripts/plain-text";

export const PASSWORD = "load-bench-password-123";

export type Person = { id: string; email: string };
export type LoadStudy = {
  projectId: string;
  owner: Person;
  analysts: Person[];
  documents: { id: string; text: string; textLength: number }[];
  /** Sources are merged into the targets of the same index, in order, while analysts code. */
  merges: { sourceId: string; targetId: string }[];
  /** Codes nobody merges. */
  others: string[];
  /** The code the owner deletes half-way. */
  doomedId: string;
};

/** Several long documents: the demo transcripts, `perDocument` at a time, as one interview each. */
function longTexts(count: number, perDocument: number): string[] {
  const dir = path.join(process.cwd(), "data", "demo", "transcripts");
  const files = fs.readdirSync(dir).sort();
  return Array.from({ length: count }, (_, d) =>
    Array.from({ length: perDocument }, (_, i) => fs.readFileSync(path.join(dir, files[(d * perDocument + i) % files.length]), "utf8").trim()).join("\n\n"),
  );
}

export async function seedLoadStudy(prisma: PrismaClient, options: { analysts: number; mergePairs: number; documents: number }): Promise<LoadStudy> {
  // One hash for everyone: argon2 is slow on purpose, and the bench is not about it.
  const passwordHash = await hashPassword(PASSWORD);
  const person = (email: string, name: string) => prisma.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true } });
  const owner = await person("owner@load.bench", "Load Owner");
  const analysts: Person[] = [];
  for (let i = 1; i <= options.analysts; i++) analysts.push(await person(`analyst-${String(i).padStart(2, "0")}@load.bench`, `Analyst ${i}`));
  const project = await prisma.project.create({
    data: {
      name: "Load benchmark",
      memberships: { create: [{ userId: owner.id, role: "owner" }, ...analysts.map((a) => ({ userId: a.id, role: "analyst" as const }))] },
    },
  });

  const documents: LoadStudy["documents"] = [];
  for (const [index, raw] of longTexts(options.documents, 5).entries()) {
    const parsed = parsePlainTextTranscript(raw);
    const document = await prisma.document.create({
      data: {
        projectId: project.id,
        title: `Long interview ${index + 1}`,
        text: parsed.text,
        textLength: codePointLength(parsed.text),
        checksum: createHash("sha256").update(parsed.text).digest("hex"),
        sourceFormat: "text",
        turns: { create: parsed.turns.map((t, i) => ({ ...t, index: i, role: t.speaker === "Interviewer" ? "interviewer" : "respondent" })) },
      },
      select: { id: true, text: true, textLength: true },
    });
    documents.push(document);
  }

  let position = 0;
  const code = async (name: string) => (await prisma.code.create({ data: { projectId: project.id, name, position: position++ }, select: { id: true } })).id;
  const merges: LoadStudy["merges"] = [];
  for (let i = 1; i <= options.mergePairs; i++) merges.push({ targetId: await code(`Theme ${i}`), sourceId: await code(`Theme ${i} (duplicate)`) });
  const others: string[] = [];
  for (let i = 1; i <= 12; i++) others.push(await code(`Topic ${i}`));
  const doomedId = await code("To be deleted");
  return { projectId: project.id, owner, analysts, documents, merges, others, doomedId };
}
