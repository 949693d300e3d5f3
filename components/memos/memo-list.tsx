import type { MemberRole } from "@/lib/db/generated/enums";
import { memosOn } from "@/lib/memos/data";
import { canDeleteMemo, canEditMemo, canWriteMemo } from "@/lib/memos/permissions";
import type { MemoTarget } from "@/lib/memos/schema";
import { edited, memoDate } from "./format";
import { MemoCard } from "./memo-card";
import { MemoForm } from "./memo-form";
import { MemoMarkdown } from "./memo-markdown";

type Props = {
  projectId: string;
  target: MemoTarget;
  viewer: { id: string; role: MemberRole };
  /** The section's heading, e.g. "Memos on this interview". */
  heading: string;
  /** Where the memo form starts: folded (a small link) or open. */
  formOpen?: boolean;
};

/**
 * The memos on one thing (the journal, a document, a code or a case) that the reader may see,
 * newest first, with a form for a new one for analysts and owners. A server component: mount
 * it in a server page with the signed-in member (requireProjectMember) and the target.
 */
export async function MemoList({ projectId, target, viewer, heading, formOpen = false }: Props) {
  const memos = await memosOn(projectId, viewer, target);
  const headingId = `memos-${target.kind}${"id" in target ? `-${target.id}` : ""}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">{heading} <span className="text-sm font-normal text-stone-600">({memos.length})</span></h2>
      {canWriteMemo(viewer.role) && (
        <details open={formOpen} className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer text-sm text-teal-800 underline">Write a memo</summary>
          <div className="mt-2">
            <MemoForm projectId={projectId} target={target} label={heading.replace(/^Memos/, "New memo")} />
          </div>
        </details>
      )}
      {memos.length === 0 ? (
        <p className="text-sm text-stone-600">No memos yet.{canWriteMemo(viewer.role) ? "" : " Analysts and owners write memos; viewers read them."}</p>
      ) : (
        <ul className="space-y-3">
          {memos.map((m) => (
            <li key={m.id}>
              <MemoCard
                projectId={projectId}
                memo={{ id: m.id, title: m.title, body: m.body, authorName: m.author.name, created: memoDate(m.createdAt), updated: edited(m.createdAt, m.updatedAt), createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() }}
                canEdit={canEditMemo(viewer.role, viewer.id, m.authorId)}
                canDelete={canDeleteMemo(viewer.role, viewer.id, m.authorId)}
              >
                <MemoMarkdown body={m.body} />
              </MemoCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
