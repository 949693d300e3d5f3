import { db } from "../db/client";
import { MAX_SAVED_SEARCHES } from "../search/limits";

/** What the summaries page needs around its figures: the project's name, case attributes and saved searches (to compare with themes). */
export async function summariesPageContext(projectId: string) {
  return db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      name: true,
      attributes: { orderBy: { position: "asc" }, select: { id: true, name: true, displayName: true, type: true } },
      savedSearches: { orderBy: { name: "asc" }, take: MAX_SAVED_SEARCHES, select: { id: true, name: true } },
    },
  });
}
