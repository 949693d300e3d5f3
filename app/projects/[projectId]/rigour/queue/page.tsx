import type { Metadata } from "next";
import Link from "next/link";
import { DoneToggle } from "@/components/rigour/assignment-cell";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireProjectMember } from "@/lib/projects/page-access";
import { getQueue, getRigourBasics } from "@/lib/rigour/data";
import { hasQueue } from "@/lib/rigour/permissions";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/rigour/queue`);
  const [basics, queue] = await Promise.all([getRigourBasics(projectId), hasQueue(role) ? getQueue(projectId, user.id) : Promise.resolve([])]);
  const blind = basics.blindCoding || basics.documents.some((d) => d.blindCoding);
  const done = queue.filter((q) => q.doneAt).length;

  return (
    <>
      <RigourHeader user={user} project={basics} section="queue" blind={blind} />
      <main className="mx-auto max-w-6xl px-6 pb-10">
        {!hasQueue(role) ? (
          <EmptyState>Viewers read the project but do not code, so nothing is assigned to them.</EmptyState>
        ) : queue.length === 0 ? (
          <EmptyState>Nothing is assigned to you yet. A project owner assigns interviews under Assignments; they then appear here.</EmptyState>
        ) : (
          <>
            <p className="mt-4 text-sm text-stone-700">
              {done} of {queue.length} done. Code each interview, then mark it done: agreement is computed over the interviews every compared analyst marked done.
            </p>
            <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="My queue">
              {queue.map((q) => (
                <li key={q.id} className="flex items-center justify-between gap-4 px-4 py-3" data-testid="queue-item">
                  <div>
                    <Link href={`/projects/${projectId}/documents/${q.document.id}`} className="font-medium text-teal-900 hover:underline">{q.document.title}</Link>
                    <p className="text-xs text-stone-500">
                      {q.myCodings} coding{q.myCodings === 1 ? "" : "s"} by you · {q.doneAt ? "done" : "to do"}
                    </p>
                  </div>
                  <DoneToggle projectId={projectId} documentId={q.document.id} done={q.doneAt !== null} title={q.document.title} />
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
