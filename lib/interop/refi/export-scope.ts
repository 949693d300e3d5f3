import { mayReadMemoAuthor } from "../../memos/visibility";
import { mayRead, type ReadScope } from "../../rigour/blind";
import type { ExportData } from "./data";

/**
 * A project export cut down to what one reader may see (the REFI-QDA download of a member
 * who is not an owner). Under blind coding that means: only the codings the reader may see,
 * memos only on those codings and only by authors whose work the reader may see (or by
 * owners, who do not code blind), and only the people credited with what remains. Other
 * people's e-mail addresses are left out for every non-owner: a file that leaves the app
 * must not become a list of the team's addresses.
 */
export function withholdForReader(data: ExportData, scope: ReadScope, ownerIds: ReadonlySet<string>): ExportData {
  if (scope.viewer.role === "owner") return data;
  const codings = data.codings.filter((c) => mayRead(scope, c));
  const keptCodings = new Set(codings.map((c) => c.id));
  const memos = data.memos.filter(
    (m) => (m.codingId === null || keptCodings.has(m.codingId)) && mayReadMemoAuthor(scope, ownerIds, m.authorId),
  );
  const credited = new Set([...codings.map((c) => c.coderId), ...memos.map((m) => m.authorId)]);
  const users = data.users
    .filter((u) => scope.everywhere === "all" || u.id === scope.viewer.id || credited.has(u.id))
    .map((u) => (u.id === scope.viewer.id ? u : { ...u, email: "" }));
  return { ...data, codings, memos, users };
}
