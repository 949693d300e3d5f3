import { hashPassword } from "../../../lib/auth/password";
import type { Db } from "../../../lib/db/client";

export const PASSWORD = "e2e-password-123";
export const ANALYST = { email: "ana@e2e.test", name: "Ana E2E" };
export const OUTSIDER = { email: "otto@e2e.test", name: "Otto Outsider" };
// Their own project, so the password tests (tests/e2e/account.test.ts) change no one else's sign-in.
export const ACCOUNT_OWNER = { email: "olga@e2e.test", name: "Olga Owner" };
export const ACCOUNT_MEMBER = { email: "max@e2e.test", name: "Max Member" };

/**
 * Two projects Ana belongs to and one she does not, each with a document; and a project she
 * owns for the import test to add documents to (the demo study stays as other tests expect it).
 */
export async function seedE2eFixtures(prisma: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  const ana = await prisma.user.create({ data: { ...ANALYST, passwordHash } });
  const otto = await prisma.user.create({ data: { ...OUTSIDER, passwordHash } });
  const olga = await prisma.user.create({ data: { ...ACCOUNT_OWNER, passwordHash } });
  const max = await prisma.user.create({ data: { ...ACCOUNT_MEMBER, passwordHash } });
  const make = async (name: string, members: { userId: string; role: "owner" | "analyst" | "viewer" }[]) => {
    const project = await prisma.project.create({ data: { name, description: `${name} description`, memberships: { create: members } } });
    const text = `Interviewer: What brought you here?\n\nRespondent: Curiosity about ${name}.`;
    const document = await prisma.document.create({
      data: { projectId: project.id, title: `${name} interview`, text, textLength: [...text].length, checksum: "x".repeat(64), sourceFormat: "text" },
    });
    return { projectId: project.id, documentId: document.id };
  };
  return {
    alpha: await make("Alpha study", [{ userId: ana.id, role: "analyst" }]),
    beta: await make("Beta study", [{ userId: ana.id, role: "viewer" }, { userId: otto.id, role: "owner" }]),
    secret: await make("Secret study", [{ userId: otto.id, role: "owner" }]),
    imports: await make("Import study", [{ userId: ana.id, role: "owner" }]),
    account: await make("Account study", [{ userId: olga.id, role: "owner" }, { userId: max.id, role: "analyst" }]),
  };
}
