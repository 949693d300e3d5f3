// What the command-line tools share: the app's database (DATABASE_URL, or the embedded one,
// attached when `npm start` is running it and started otherwise), migrated; optionally the
// secret the app signs with (backups are signed); then the tool's work. A failure is printed
// as "<prefix>: <message>" with exit code 1, and the database is released either way.
import path from "node:path";
import { resolveAuthSecret } from "../lib/auth/secret";
import { db } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";

export async function withDatabase(
  failurePrefix: string,
  work: () => Promise<void>,
  options: { authSecret?: boolean; describeError?: (error: Error) => string } = {},
): Promise<void> {
  const dataDir = process.env.GROUNDED_DATA_DIR ?? path.join(process.cwd(), ".data");
  const database = await openDatabase({ dataDir, attach: true });
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    if (options.authSecret) {
      process.env.NEXTAUTH_SECRET = await resolveAuthSecret({ dataDir, externalDatabase: !database.embedded, production: process.env.NODE_ENV === "production" });
    }
    await work();
  } catch (error) {
    console.error(`${failurePrefix}: ${(options.describeError ?? ((e: Error) => e.message))(error as Error)}`);
    process.exitCode = 1;
  } finally {
    await db().$disconnect();
    await database.stop();
  }
}
