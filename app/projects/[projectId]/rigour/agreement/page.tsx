import type { Metadata } from "next";
import Link from "next/link";
import { AgreementControls } from "@/components/rigour/agreement-controls";
import { AgreementTableView } from "@/components/rigour/agreement-table-view";
import { Pager } from "@/components/ui/pager";
import { pageOf } from "@/lib/analysis/paging";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NeedsTwoAnalysts, NothingInCommon } from "@/components/rigour/empty-reasons";
import { toActionError } from "@/lib/errors";
import { requireProjectMember } from "@/lib/projects/page-access";
import { defaultCoderIds, getAgreement, listComparableCoders } from "@/lib/rigour/agreement";
import { getRigourBasics } from "@/lib/rigour/data";
import { methodsFor } from "@/lib/rigour/export";
import { unitLabel } from "@/lib/rigour/methods";
import { readAgreementParams, toSearch } from "@/lib/rigour/params";
import { canManageProject } from "@/lib/projects/permissions";

export const metadata: Metadata = { title: "Agreement" };

type Search = Record<string, string | string[] | undefined>;

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const base = `/projects/${projectId}/rigour/agreement`;
  const { user, role } = await requireProjectMember(projectId, base);
  const owner = canManageProject(role);
  const search = await searchParams;
  const choice = readAgreementParams(search);
  const problems = [...choice.problems];
  if (choice.scope === "coded" && !owner) {
    problems.push("Only an owner can compare interviews not marked done: showing those marked done.");
    choice.scope = "done";
  }
  const [basics, comparable] = await Promise.all([getRigourBasics(projectId), listComparableCoders(projectId, { id: user.id, role })]);
  const blind = basics.blindCoding || basics.documents.some((d) => d.blindCoding);
  const coderIds = (choice.coderIds ?? defaultCoderIds(comparable)).filter((id) => comparable.some((c) => c.id === id));

  let body: React.ReactNode;
  if (comparable.length < 2) {
    body = <NeedsTwoAnalysts projectId={projectId} owner={owner} what="Agreement" />;
  } else if (coderIds.length < 2) {
    body = <EmptyState>Choose at least two analysts above, then Compute agreement.</EmptyState>;
  } else {
    try {
      const table = await getAgreement(projectId, { coderIds, unit: choice.unit, scope: choice.scope }, { id: user.id, role });
      const query = toSearch({ coders: coderIds, unit: choice.unit, scope: choice.scope });
      const scopeText = choice.scope === "done" ? "that every one of them marked done" : "that every one of them has coded (done or not)";
      body = (
        <>
          <p className="mt-6 text-sm text-stone-700" data-testid="agreement-summary">
            Comparing {table.coders.map((c) => c.name).join(", ")} at the {unitLabel(table.unit, table.segmentSources)}, over{" "}
            <strong>{table.documents.length}</strong> of {table.totalDocuments} interviews {scopeText}.
          </p>
          {table.hiddenByBlindMode > 0 && (
            <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {table.hiddenByBlindMode} interview{table.hiddenByBlindMode === 1 ? " is" : "s are"} left out: blind mode hides the other analysts&apos; codings there from you until an owner reveals {table.hiddenByBlindMode === 1 ? "it" : "them"}.
            </p>
          )}
          {table.documents.length === 0 ? (
            <NothingInCommon projectId={projectId} owner={owner} done={choice.scope === "done"}>
              {owner && choice.scope === "done" && <> You can also <Link href={`${base}${toSearch({ coders: coderIds, unit: choice.unit, scope: "coded" })}`} className="text-teal-800 underline">compare every interview they all coded</Link>.</>}
            </NothingInCommon>
          ) : (
            <>
              <details className="mt-2 text-sm text-stone-600">
                <summary className="cursor-pointer">Which interviews</summary>
                <p className="mt-1">{table.documents.map((d) => d.title).join(" · ")}</p>
              </details>
              {/* One row per code: a page of them at a time (lib/analysis/paging.ts); the export has them all. */}
              <AgreementTableView table={{ ...table, rows: pageOf(table.rows, search.page).rows }} />
              <Pager paged={pageOf(table.rows, search.page)} noun="codes" href={(page) => `${base}${toSearch({ coders: coderIds, unit: choice.unit, scope: choice.scope, page })}`} testId="agreement-pager" />
              {table.notes.length > 0 && (
                <ul className="mt-2 list-disc pl-5 text-xs text-stone-600">
                  {table.notes.map((n) => <li key={n}>{n}</li>)}
                </ul>
              )}
              <section aria-labelledby="methods" className="mt-6">
                <h2 id="methods" className="text-lg font-semibold">Methods paragraph</h2>
                <p className="mt-2 max-w-4xl rounded-lg border border-stone-200 bg-white p-4 text-sm leading-relaxed" data-testid="methods-paragraph">
                  {await methodsFor(projectId, table)}
                </p>
                <p className="mt-1 text-xs text-stone-500">A draft with the figures above; edit it for your report.</p>
              </section>
              <nav aria-label="Export" className="mt-4 flex flex-wrap gap-4 text-sm">
                <a href={`${base}/export${toSearch({ coders: coderIds, unit: choice.unit, scope: choice.scope, format: "csv" })}`} className="text-teal-800 underline">Download table (CSV)</a>
                <a href={`${base}/export${toSearch({ coders: coderIds, unit: choice.unit, scope: choice.scope, format: "xlsx" })}`} className="text-teal-800 underline">Download table (Excel .xlsx)</a>
                <a href={`${base}/export${toSearch({ coders: coderIds, unit: choice.unit, scope: choice.scope, format: "txt" })}`} className="text-teal-800 underline">Download methods paragraph (.txt)</a>
                <Link href={`/projects/${projectId}/rigour/disagreements${toSearch({ coders: coderIds.slice(0, 2), scope: choice.scope })}`} className="text-teal-800 underline">See the disagreements</Link>
              </nav>
              <p className="mt-6 text-xs text-stone-600" data-query={query}>
                Computed in {Math.round(table.timings.loadMs + table.timings.computeMs)} ms from the codings as they are now.
              </p>
            </>
          )}
        </>
      );
    } catch (error) {
      body = <p role="alert" className="mt-6 text-sm text-red-800">{toActionError(error).message}</p>;
    }
  }

  return (
    <>
      <RigourHeader user={user} project={basics} section="agreement" blind={blind} />
      <main className="mx-auto max-w-6xl px-6 pb-10">
        <AgreementControls action={base} coders={comparable} chosen={coderIds} unit={choice.unit} scope={choice.scope} owner={owner} />
        {problems.map((p) => (
          <p key={p} role="status" className="mt-2 text-sm text-amber-800">{p}</p>
        ))}
        {body}
      </main>
    </>
  );
}
