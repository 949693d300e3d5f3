import { db } from "../db/client";

/** A document of the given project, with its speaker turns; null for any other id. */
export function getDocument(projectId: string, documentId: string) {
  return db().document.findFirst({
    where: { id: documentId, projectId },
    select: {
      id: true,
      title: true,
      text: true,
      textLength: true,
      checksum: true,
      sourceFormat: true,
      case: { select: { id: true, name: true } },
      turns: { orderBy: { index: "asc" }, select: { index: true, speaker: true, role: true, start: true, end: true, timestampMs: true } },
    },
  });
}
