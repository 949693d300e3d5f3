import type { Metadata } from "next";
import { DecisionLog } from "@/components/rigour/decision-log";
import { DisagreementCard } from "@/components/rigour/disagreement-card";
import { DisagreementControls } from "@/components/rigour/disagreement-controls";
import { RigourHeader } from "@/components/rigour/rigour-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NeedsTwoAnalysts, NothingInCommon } from "@/components/rigour/empty-reasons";
import { Pager } from "@/components/ui/pager";
import { pageWindow } from "@/lib/analysis/paging";
import { toActionError } from "@/lib/errors";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canManageProject } from "@/lib/projects/permissions";
import { defaultCoderIds, listComparableCoders } from "@/lib/rigour/agreement";
import { getRigourBasics } from "@/lib/rigour/data";
import { getDecisionLog, getDisagreements, PAGE_SIZE } from "@/lib/rigour/disagreement-data";
import { readDisagreementParams, toSearch } from "@/lib/rigour/params";
import { canAdjudicate } from "@/lib/rigour/permissions";

export const metadata: Metadata = { title: "Disagreements" };

type Search = Record<string, string | string[] | undefined>;

export default async function DisagreementsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const base = `/projects/${projectId}/rigour/disagreements`;
  const { user, role } = await requireProjectMember(projectId, base);
  const owner = canManageProject(role);
  const choice = readDisagreementParams(await searchParams);
  const problems = [...choice.problems];
  if (choice.scope === "coded" && !owner) {
    problems.push("Only an owner can list disagreements in interviews not marked done: showing those marked done.");
    choice.scope = "done";
  }
  const viewer = { id: user.id, role };
  const [basics, comparable, log] = await Promise.all([getRigourBasics(projectId), listComparableCoders(projectId, viewer), getDecisionLog(projectId, viewer, { page: choice.logPage })]);
  const blind = basics.blindCoding || basics.documents.some((d) => d.blindCoding);
  const defaults = defaultCoderIds(comparable);
  const chosen = choice.coderIds ?? (defaults.length >= 2 ? ([defaults[0], defaults[1]] as [string, string]) : null);
  const same = chosen !== null && chosen[0] === chosen[1];

  let list: Awaited<ReturnType<typeof getDisagreements>> | null = null;
  let error: string | null = null;
  if (chosen && !same) {
    try {
      list = await getDisagreements(projectId, { coderIds: chosen, scope: choice.scope, tolerance: choice.tolerance, codeId: choice.codeId, documentId: choice.documentId }, viewer, { status: choice.status, page: choice.page });
    } catch (e) {
      error = toActionError(e).message;
    }
  }
  const linkTo = (page: number, logPage: number) =>
    `${base}${toSearch({ coders: chosen ?? undefined, scope: choice.scope, tolerance: choice.tolerance, code: choice.codeId, document: choice.documentId, status: choice.status, page: page > 1 ? page : undefined, log: logPage > 1 ? logPage : undefined })}`;
  const pageLink = (page: number) => linkTo(page, choice.logPage);
  const logLink = (logPage: number) => `${linkTo(list?.page ?? choice.page, logPage)}#log-heading`;
  // The cards name only their own codes: the page sends those, not the whole codebook.
  const used = new Set((list?.items ?? []).flatMap((item) => [item.codeId, ...item.otherCodes.map((o) => o.codeId)]));
  const codes = Object.fromEntries((list?.codes ?? []).filter((c) => used.has(c.id)).map((c) => [c.id, { id: c.id, name: c.name, colour: c.colour }]));
  const narrowedTo = list?.codes.find((c) => c.id === choice.codeId) ?? null;

  return (
    <>
      <RigourHeader user={user} project={basics} section="disagreements" blind={blind} />
      <main className="mx-auto max-w-6xl px-6 pb-10">
        {comparable.length < 2 ? (
          <NeedsTwoAnalysts projectId={projectId} owner={owner} what="Disagreements" />
        ) : (
          <DisagreementControls action={base} coders={comparable} chosen={chosen} choice={choice} projectId={projectId} code={narrowedTo && { id: narrowedTo.id, name: narrowedTo.name }} documents={list?.documents ?? []} owner={owner} />
        )}
        {problems.map((p) => <p key={p} role="status" className="mt-2 text-sm text-amber-800">{p}</p>)}
        {same && <p role="alert" className="mt-4 text-sm text-red-800">Choose two different analysts.</p>}
        {error && <p role="alert" className="mt-4 text-sm text-red-800">{error}</p>}

        {list && (
          <section aria-labelledby="disagreements-heading" className="mt-6">
            <h2 id="disagreements-heading" className="text-lg font-semibold">
              {list.total} disagreement{list.total === 1 ? "" : "s"}{" "}
              <span className="text-sm font-normal text-stone-600">
                ({list.counts.open} open, {list.counts.decided} decided · {list.documents.length} interview{list.documents.length === 1 ? "" : "s"} · boundaries within {choice.tolerance} characters count as agreeing)
              </span>
            </h2>
            {list.hiddenByBlindMode > 0 && (
              <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {list.hiddenByBlindMode} interview{list.hiddenByBlindMode === 1 ? " is" : "s are"} left out: blind mode hides the analysts&apos; codings there from you until an owner reveals {list.hiddenByBlindMode === 1 ? "it" : "them"}.
              </p>
            )}
            {list.documents.length === 0 ? (
              <NothingInCommon projectId={projectId} owner={owner} done={choice.scope === "done"} />
            ) : list.items.length === 0 ? (
              <EmptyState>{list.total === 0 && list.counts.open + list.counts.decided === 0 ? "No disagreements: the two analysts coded these interviews alike (within the tolerance)." : "Nothing to show with these filters."}</EmptyState>
            ) : (
              <div className="mt-3 space-y-4">
                {list.items.map((item) => (
                  <DisagreementCard key={item.key} projectId={projectId} item={item} coders={[list!.coders[0], list!.coders[1]]} codes={codes} canAdjudicate={canAdjudicate(role)} />
                ))}
              </div>
            )}
            <Pager paged={pageWindow(list.total, list.page, PAGE_SIZE, list.items.length)} noun="disagreements" href={pageLink} testId="disagreements-pager" />
          </section>
        )}

        <section aria-labelledby="log-heading" className="mt-10">
          <h2 id="log-heading" className="text-lg font-semibold">Decisions</h2>
          {log.window.total === 0 ? (
            <EmptyState>No decisions yet. Decide a disagreement above: the result goes into the consensus coding, which findings and summaries can use.</EmptyState>
          ) : (
            <DecisionLog projectId={projectId} entries={log.entries} canUndo={canAdjudicate(role)} />
          )}
          <Pager paged={log.window} noun="decisions" href={logLink} testId="decision-log-pager" />
        </section>
      </main>
    </>
  );
}
