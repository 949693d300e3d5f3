import type { Db } from "../../../lib/db/client";
import { hashPassword } from "../../../lib/auth/password";
import { blindWorld } from "../../db/security/blind-world";
import { PASSWORD } from "./fixtures";

/**
 * The blind study of tests/db/security/blind-world.ts, seeded for the browser: its blind
 * analyst (Ana) and viewer (Vic) can sign in with the e2e password. What the browser walk
 * needs: their e-mails, the ids that fill each page's URL, and the markers of Ben's hidden work.
 */
export async function seedBlindStudy(prisma: Db) {
  const w = await blindWorld(prisma);
  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.updateMany({ where: { id: { in: [w.ana.id, w.vic.id] } }, data: { passwordHash } });
  return {
    projectId: w.project.id,
    documentId: w.doc1.id,
    codeId: w.cost.id,
    benId: w.ben.id,
    readers: { analyst: w.ana.email, viewer: w.vic.email },
    markers: w.markers,
  };
}
