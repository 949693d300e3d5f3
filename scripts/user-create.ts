// npm run user:create -- --email ada@example.org --name "Ada Lovelace" [--password ...]
// [--project <id> --role owner|analyst|viewer]. Without --password, one is generated and printed.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { withDatabase } from "./with-database";
import { db } from "../lib/db/client";
import { claimInvitations } from "../lib/projects/invitations";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, project: { type: "string" }, role: { type: "string" } },
});
const input = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(1),
    password: z.string().min(MIN_PASSWORD_LENGTH).optional(),
    project: z.string().optional(),
    role: z.enum(["owner", "analyst", "viewer"]).default("analyst"),
  })
  .safeParse(values);
if (!input.success) {
  console.error("Usage: npm run user:create -- --email EMAIL --name NAME [--password PASSWORD] [--project ID --role owner|analyst|viewer]");
  console.error(input.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}

await withDatabase("Failed", async () => {
  const password = input.data.password ?? randomBytes(9).toString("base64url");
  const user = await db().user.create({ data: { email: input.data.email, name: input.data.name, passwordHash: await hashPassword(password) } });
  if (input.data.project) {
    await db().membership.create({ data: { projectId: input.data.project, userId: user.id, role: input.data.role } });
  }
  const invited = await claimInvitations(user);
  if (invited.length > 0) console.log(`Invitations to ${invited.length} project(s) are now memberships.`);
  console.log(`Created ${user.email}${input.data.password ? "" : ` with password ${password}`}${input.data.project ? ` as ${input.data.role} of ${input.data.project}` : ""}.`);
}, { describeError: (error) => ((error as { code?: string }).code === "P2002" ? `A user with e-mail ${input.data.email} already exists.` : error.message) });
