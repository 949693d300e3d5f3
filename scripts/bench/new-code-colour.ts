// npx tsx scripts/bench/new-code-colour.ts <data dir of a bench:scale study, e.g. a copy of it>
// Times the query a new code's colour needs (the project's most-used codes), counted two ways:
// over the codings, and over the passage table that createCode reads (lib/codes/mutations.ts).
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

const RUNS = 12;

async function p50(client: pg.Client, sql: string, projectId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await client.query(sql, [projectId]);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("Usage: npx tsx scripts/bench/new-code-colour.ts <data dir of a bench:scale study>");
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(dataDir), "postgres") });
  const client = new pg.Client({ connectionString: postgres.urlFor("grounded") });
  try {
    await client.connect();
    const { projectId, n } = (await client.query(`SELECT "projectId", count(*)::int AS n FROM "Coding" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`)).rows[0];
    const byCodings = await p50(client, `SELECT c.colour FROM "Coding" k JOIN "Code" c ON c.id = k."codeId" AND c."deletedAt" IS NULL WHERE k."projectId" = $1 GROUP BY c.id, c.colour ORDER BY count(*) DESC, c.id LIMIT 4`, projectId);
    const byPassages = await p50(client, `SELECT c.colour FROM "PassageSet" p JOIN "Code" c ON c.id = p."codeId" AND c."deletedAt" IS NULL WHERE p."projectId" = $1 GROUP BY c.id, c.colour ORDER BY sum(p.passages) DESC, c.id LIMIT 4`, projectId);
    console.log(`most-used codes of a project with ${n.toLocaleString("en")} codings, p50 of ${RUNS}: counting codings ${byCodings.toFixed(1)} ms, summing the passage table ${byPassages.toFixed(1)} ms`);
  } finally {
    await client.end().catch(() => undefined);
    await postgres.stop();
  }
}

void main();
