import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The key that signs session tokens. NEXTAUTH_SECRET when set. Otherwise, for the
 * embedded default, one generated on first start and kept in `dataDir` so sessions
 * survive restarts. In production against an external database the app refuses to
 * start without it: several instances must share one secret, and a generated one
 * would differ per machine.
 */
export async function resolveAuthSecret(opts: { dataDir: string; externalDatabase: boolean; production: boolean }): Promise<string> {
  const given = process.env.NEXTAUTH_SECRET;
  if (given) {
    if (given.length < 32) throw new Error("NEXTAUTH_SECRET is too short: use at least 32 random characters (openssl rand -base64 32).");
    return given;
  }
  if (opts.production && opts.externalDatabase) {
    throw new Error("NEXTAUTH_SECRET is required when NODE_ENV=production with an external DATABASE_URL. Set it to the same random value (openssl rand -base64 32) on every instance.");
  }
  const file = path.join(opts.dataDir, "nextauth-secret");
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    await fs.mkdir(opts.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    await fs.writeFile(file, secret + "\n", { mode: 0o600 });
    return secret;
  }
}
