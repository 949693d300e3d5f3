import { createHash } from "node:crypto";
import type { Db } from "../../../lib/db/client";
import { codePointLength, normalizeText } from "../../../lib/transcripts/offsets";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUser(prisma: Db, overrides: { email?: string; name?: string; passwordHash?: string; disabled?: boolean } = {}) {
  return prisma.user.create({
    data: { email: overrides.email ?? `user-${unique()}@test.example`, name: overrides.name ?? "Test User", passwordHash: overrides.passwordHash ?? "not-a-real-hash", disabled: overrides.disabled ?? false },
  });
}

export async function makeProject(prisma: Db, members: { userId: string; role: "owner" | "analyst" | "viewer" }[] = []) {
  return prisma.project.create({ data: { name: `Project ${unique()}`, memberships: { create: members } } });
}

export async function makeDocument(prisma: Db, projectId: string, raw = "Interviewer: Hello?\n\nAna: Hi there.") {
  const text = normalizeText(raw);
  return prisma.document.create({
    data: {
      projectId,
      title: `Doc ${unique()}`,
      text,
      textLength: codePointLength(text),
      checksum: createHash("sha256").update(text).digest("hex"),
      sourceFormat: "text",
    },
  });
}

export async function makeCode(prisma: Db, projectId: string, name = `Code ${unique()}`) {
  return prisma.code.create({ data: { projectId, name } });
}
