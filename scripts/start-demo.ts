import { db } from "../lib/db/client";
import { demoLogins, loadDemoStudy } from "../lib/demo";

/**
 * Loads the demo study into an empty database on first start: never in production unless
 * GROUNDED_DEMO=1, never when GROUNDED_DEMO=0, and never into a database that already has
 * users. Returns the lines that tell a person how to sign in.
 */
export async function loadDemoOnFirstStart({ production, say }: { production: boolean; say: (line: string) => void }): Promise<string[]> {
  const wanted = process.env.GROUNDED_DEMO === "1" || (!production && process.env.GROUNDED_DEMO !== "0");
  const prisma = db();
  if (wanted && (await prisma.user.count()) === 0) {
    const started = performance.now();
    await loadDemoStudy(prisma);
    say(`Loaded the demo study (32 synthetic interviews) in ${Math.round(performance.now() - started)} ms.`);
  }
  const present = await prisma.user.findMany({ where: { email: { in: demoLogins.map((l) => l.email) } }, select: { email: true } });
  if (present.length === 0) {
    return ["Sign in with an account made by `npm run user:create -- --email ... --name ...`."];
  }
  const emails = new Set(present.map((u) => u.email));
  return [
    "Demo logins (password for each: " + demoLogins[0].password + "):",
    ...demoLogins.filter((l) => emails.has(l.email)).map((l) => `  ${l.role.padEnd(8)} ${l.email}  (${l.name})`),
  ];
}
