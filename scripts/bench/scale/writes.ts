import type { Pool } from "pg";
import { snapToWords } from "../../../lib/codings/spans/snap";
import { callAction, fillRoute, findActions, type HttpSession } from "../load/http";
import { seededRandom } from "../load/stats";

export type Target = { projectId: string; documentId: string; text: string; coderId: string; codeIds: string[] };

const sliceCodePoints = (chars: string[], start: number, end: number) => chars.slice(start, end).join("");

/**
 * A change the analysis cache must notice: one coding inserted and deleted again, committed,
 * through the bench's own pool (any commit moves the database snapshot the cache keys on).
 */
export function changeByOneCoding(pool: Pool, target: Target): () => Promise<void> {
  const chars = [...target.text];
  let n = 0;
  return async () => {
    const start = (n++ * 997) % Math.max(1, chars.length - 100);
    const id = `scale-change-${n}`;
    await pool.query(
      `INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [id, target.projectId, target.documentId, target.codeIds[0], target.coderId, start, start + 60, sliceCodePoints(chars, start, start + 60)],
    );
    await pool.query(`DELETE FROM "Coding" WHERE id = $1`, [id]);
  };
}

export type WriteFigures = { apply: number[]; insert: number[]; failures: string[] };

/**
 * Applying a code as the browser does (applyCodesAction posted over HTTP with Next-Action),
 * alternated with a bare INSERT of the same kind of row through a pg pool of this process into
 * the same document, so both meet the same database, triggers and load. The first `warmup`
 * of each are not counted. The app's own pool lives in the server process; this one talks to
 * the same PostgreSQL.
 */
export async function measureWrites(session: HttpSession, pool: Pool, distDir: string, target: Target, samples: number, warmup = 3): Promise<WriteFigures> {
  const [apply] = findActions(distDir, [{ filename: "lib/codings/actions.ts", exportedName: "applyCodesAction" }]);
  const pagePath = fillRoute(apply.route, { projectId: target.projectId, documentId: target.documentId });
  const chars = [...target.text];
  const next = seededRandom(14);
  const figures: WriteFigures = { apply: [], insert: [], failures: [] };
  const inserted: string[] = [];
  try {
    for (let i = 0; i < samples + warmup; i++) {
      const codeId = target.codeIds[Math.floor(next() * target.codeIds.length)];
      const at = Math.floor(next() * (chars.length - 500));
      const span = snapToWords(target.text, at, at + 30 + Math.floor(next() * 300));
      if (!span) continue;
      const outcome = await callAction(session, apply, pagePath, [{ projectId: target.projectId, documentId: target.documentId, ...span, codeIds: [codeId] }]);
      const ok = outcome.kind === "answer" && (outcome.value as { ok: boolean }).ok;
      if (!ok) figures.failures.push(outcome.kind === "answer" ? JSON.stringify(outcome.value).slice(0, 200) : outcome.reason);
      else if (i >= warmup) figures.apply.push(outcome.ms);

      const start = Math.floor(next() * (chars.length - 500));
      const end = start + 30 + Math.floor(next() * 300);
      const id = `scale-insert-${i}`;
      const t0 = performance.now();
      await pool.query(
        `INSERT INTO "Coding" (id, "projectId", "documentId", "codeId", "coderId", start, "end", quote, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [id, target.projectId, target.documentId, codeId, target.coderId, start, end, sliceCodePoints(chars, start, end)],
      );
      if (i >= warmup) figures.insert.push(performance.now() - t0);
      inserted.push(id);
    }
  } finally {
    await pool.query(`DELETE FROM "Coding" WHERE id = ANY($1)`, [inserted]);
  }
  return figures;
}
