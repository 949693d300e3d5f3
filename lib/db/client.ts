import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** A Prisma client over node-postgres: no native query engine at run time. */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForPrisma = globalThis as unknown as { groundedPrisma?: PrismaClient };

/**
 * The app's one client, created on first use from DATABASE_URL (set by scripts/start.ts
 * for the embedded server). Kept on globalThis so Next's module reloading does not
 * open a new pool each time.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.groundedPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalForPrisma.groundedPrisma = createPrismaClient(url);
  }
  return globalForPrisma.groundedPrisma;
}

/**
 * Transaction options for writes many people make at once (coding, codebook changes): they
 * wait for a pooled connection and for each other's row locks longer than Prisma's defaults
 * (2 s to start, 5 s to finish) before giving up with "the server is busy" (lib/errors.ts).
 */
export const TEAM_WRITE = { maxWait: 10_000, timeout: 20_000 } as const;
