import { db } from "../lib/db/client";

/**
 * Loads the demo study into an empty database on first start. Never in production unless
 * GROUNDED_DEMO=1; never when GROUNDED_DEMO=0. Returns lines to print (the logins).
 */
export async function loadDemoOnFirstStart({ production, say }: { production: boolean; say: (line: string) => void }): Promise<string[]> {
  const wanted = process.env.GROUNDED_DEMO === "1" || (!production && process.env.GROUNDED_DEMO !== "0");
  if (!wanted) return [];
  const users = await db().user.count();
  if (users > 0) return [];
  say("Empty database: no demo loader yet.");
  return [];
}
