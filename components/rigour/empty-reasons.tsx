import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Why agreement or disagreements show nothing, and who can change it: an analyst cannot add
 * members or assign interviews, so they are told what the owner must do rather than to do it.
 */

const link = "text-teal-800 underline";

export function NeedsTwoAnalysts({ projectId, owner, what }: { projectId: string; owner: boolean; what: "Agreement" | "Disagreements" }) {
  return (
    <EmptyState>
      <span data-testid="empty-reason">
        {what} {what === "Agreement" ? "needs" : "need"} two analysts coding the same interviews, and this project has fewer than two analysts.{" "}
        {owner ? (
          <>Add one on the <Link href={`/projects/${projectId}`} className={link}>project page</Link>, then give both the same interviews in <Link href={`/projects/${projectId}/rigour/assignments`} className={link}>Assignments</Link>.</>
        ) : (
          <>Only an owner can change that: an owner adds a second analyst on the project page and assigns you both the same interviews in Assignments. Ask your project&apos;s owner.</>
        )}
      </span>
    </EmptyState>
  );
}

export function NothingInCommon({ projectId, owner, done, children }: { projectId: string; owner: boolean; done: boolean; children?: React.ReactNode }) {
  return (
    <EmptyState>
      <span data-testid="empty-reason">
        {done ? "No interview has been marked done by every one of these analysts yet: only interviews they all marked done are compared. " : "These analysts have not coded any interview in common yet. "}
        {owner ? (
          <>Give them the same interviews in <Link href={`/projects/${projectId}/rigour/assignments`} className={link}>Assignments</Link>{done && <> and ask each to mark them done in My queue</>}.</>
        ) : (
          <>An owner assigns the same interviews to each analyst (Assignments){done && <>; each of you then marks them done in <Link href={`/projects/${projectId}/rigour/queue`} className={link}>My queue</Link></>}. Ask your project&apos;s owner if you have no interviews assigned.</>
        )}
        {children}
      </span>
    </EmptyState>
  );
}
