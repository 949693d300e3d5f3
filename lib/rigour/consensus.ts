import { db } from "../db/client";
import { type Viewer, documentVisibility } from "./blind";

/**
 * The consensus layer as the summaries and findings engine reads it ({ kind: "consensus" }):
 * the spans of live adjudication decisions, shaped like codings. Undoing a decision deletes
 * its rows, and the filter on undoneAt guards the moment in between. Codes deleted since
 * are left out, as they are for analysts' codings.
 *
 * With `viewer`, documents blind mode hides from them are left out: a consensus span is made
 * from analysts' codings, so a blind analyst must not read it either. Without a viewer the
 * caller has already decided the reader may see every document (an owner, a script).
 */

export type ConsensusCodingRow = { id: string; documentId: string; codeId: string; start: number; end: number; quote: string };

export async function consensusCodings(projectId: string, options: { viewer?: Viewer; documentIds?: string[] } = {}): Promise<ConsensusCodingRow[]> {
  let documentIds = options.documentIds;
  if (options.viewer) {
    const visibility = await documentVisibility(projectId, options.viewer);
    const open = [...visibility].filter(([, v]) => v === "all").map(([id]) => id);
    documentIds = documentIds ? documentIds.filter((id) => open.includes(id)) : open;
  }
  return db().consensusCoding.findMany({
    where: {
      projectId,
      ...(documentIds ? { documentId: { in: documentIds } } : {}),
      decision: { undoneAt: null },
      code: { deletedAt: null },
    },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "asc" }],
    select: { id: true, documentId: true, codeId: true, start: true, end: true, quote: true },
  });
}
