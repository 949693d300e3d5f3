import type { Metadata } from "next";
import Link from "next/link";
import { AssignForm } from "@/components/rigour/assign-form";
import { UnassignButton } from "@/components/rigour/assignment-cell";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireProjectMember } from "@/lib/projects/page-access";
import { getAssignments, getRigourBasics } from "@/lib/rigour/data";
import { canAssign } from "@/lib/rigour/permissions";

export const metadata: Metadata = { title: "Assignments" };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function AssignmentsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/rigour/assignments`);
  const [basics, assignments] = await Promise.all([getRigourBasics(projectId), getAssignments(projectId)]);
  const owner = canAssign(role);
  const byPair = new Map(assignments.map((a) => [`${a.documentId}\u0000${a.userId}`, a]));
  // Columns: everyone who may code, plus anyone still holding an assignment (a former analyst).
  const columns = basics.coders.filter((c) => owner || assignments.some((a) => a.userId === c.id));
  const assignedDocuments = new Set(assignments.map((a) => a.documentId));
  const rows = owner ? basics.documents : basics.documents.filter((d) => assignedDocuments.has(d.id));
  const blind = basics.blindCoding || basics.documents.some((d) => d.blindCoding);

  return (
    <>
      <RigourHeader user={user} project={basics} section="assignments" blind={blind} />
      <main className="mx-auto max-w-6xl px-6 pb-10">
        {owner ? (
          basics.documents.length === 0 ? (
            <EmptyState>No interviews yet. <Link href={`/projects/${projectId}/import`} className="text-teal-800 underline">Import transcripts</Link> first, then assign them here.</EmptyState>
          ) : (
            <AssignForm projectId={projectId} documents={basics.documents} coders={basics.coders} />
          )
        ) : (
          <p className="mt-4 text-sm text-stone-600">A project owner assigns interviews. Your own are in <Link href={`/projects/${projectId}/rigour/queue`} className="text-teal-800 underline">My queue</Link>.</p>
        )}

        <section aria-labelledby="who-codes-what" className="mt-8">
          <h2 id="who-codes-what" className="text-lg font-semibold">Who codes what</h2>
          {assignments.length === 0 ? (
            <EmptyState>{owner ? "Nothing assigned yet. Choose interviews and analysts above, then Assign." : "Nothing assigned yet."}</EmptyState>
          ) : (
            <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-sm" aria-label="Assignments">
                <thead className="bg-stone-50 text-left text-stone-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Interview</th>
                    {columns.map((c) => <th key={c.id} scope="col" className="px-3 py-2 font-medium">{c.name}</th>)}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {rows.map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <Link href={`/projects/${projectId}/documents/${d.id}`} className="hover:underline">{d.title}</Link>
                      </th>
                      {columns.map((c) => {
                        const a = byPair.get(`${d.id}\u0000${c.id}`);
                        return (
                          <td key={c.id} className="px-3 py-2 whitespace-nowrap" data-testid={`assignment-${d.id}-${c.id}`}>
                            {!a ? <span className="text-stone-600">—</span> : a.doneAt ? <span className="text-teal-800">Done {day.format(a.doneAt)}</span> : <span className="text-stone-700">Assigned</span>}
                            {a && owner && <UnassignButton projectId={projectId} documentId={d.id} userId={c.id} label={`Remove ${d.title} from ${c.name}'s queue`} />}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </main>
    </>
  );
}
