// npm run user:password -- --email ada@example.org [--password ...]
// For an administrator: sets a user's password (a generated one is printed when none is
// given and must be replaced at the next sign-in), ends their sessions and lifts their
// sign-in locks. A project owner can do the same from the project page for their members.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { db } from "../lib/db/client";
import { withDatabase } from "./with-database";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
const input = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional() }).safeParse(values);
if (!input.success) {
  console.error(`Usage: npm run user:password -- --email EMAIL [--password PASSWORD (at least ${MIN_PASSWORD_LENGTH} characters)]`);
  process.exit(2);
}

await withDatabase("Failed", async () => {
  const { email } = input.data;
  const password = input.data.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) throw new Error(`No user has the e-mail ${email}.`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: !input.data.password } });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.loginThrottle.deleteMany({ where: { OR: [{ key: { startsWith: `pair:${email}|` } }, { key: `acct:${email}` }] } });
  });
  console.log(input.data.password ? `Password of ${email} set; their sessions were ended.` : `Temporary password of ${email}: ${password}\nThey must choose a new one when they sign in. Their sessions were ended.`);
});
