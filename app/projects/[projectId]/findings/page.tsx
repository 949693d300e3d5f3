import type { Metadata } from "next";
import Link from "next/link";
import { SelectionPicker } from "@/components/analysis/selection-picker";
import { FindingCard } from "@/components/findings/finding-card";
import { EvidencePicker } from "@/components/findings/evidence-picker";
import { FindingControls } from "@/components/findings/finding-controls";
import { NewFinding } from "@/components/findings/new-finding";
import { PrintButton } from "@/components/findings/print-button";
import { AppHeader } from "@/components/layout/app-header";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { consensusDecisionCount, resolveCoderSelection } from "@/lib/analysis/data";
import { pageSelection } from "@/lib/analysis/page-selection";
import { db } from "@/lib/db/client";
import { getFindingsReport } from "@/lib/findings/data";
import { readScope } from "@/lib/rigour/blind";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canCode } from "@/lib/projects/permissions";
import { starredQuotes, starsOf } from "@/lib/stars/data";

export const metadata: Metadata = { title: "Findings report" };

/** The findings report: every figure computed now, checked against what the report states. */
export default async function FindingsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ coders?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/findings`);
  const [project, { selection, hidden, forced, visibility }] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    pageSelection(projectId, { id: user.id, role }, search.coders),
  ]);
  const header = (
    <AppHeader user={user} projectId={projectId}>
      <Link href="/projects" className="hover:underline">Projects</Link> / <Link href={`/projects/${projectId}`} className="hover:underline">{project.name}</Link> / <span className="text-stone-900">Findings</span>
    </AppHeader>
  );
  if (hidden) {
    return (
      <>
        {header}
        <main className="mx-auto max-w-4xl px-6 py-8"><p>Blind coding is on: the findings report is hidden from viewers until an owner reveals the coding.</p></main>
      </>
    );
  }
  const editable = canCode(role);
  const [report, { coders, label }, numbers, decisions, representative] = await Promise.all([
    readScope(projectId, { id: user.id, role }).then((scope) => getFindingsReport(projectId, selection, scope)),
    resolveCoderSelection(projectId, selection, visibility),
    db().attributeDefinition.findMany({ where: { projectId, type: "number" }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    consensusDecisionCount(projectId),
    editable ? starredQuotes(projectId, { id: user.id, role }) : [],
  ]);
  const order = report.findings.map((f) => f.id);
  const stars = await starsOf(projectId, report.findings.flatMap((f) => f.evidence.map((e) => e.codingId)));
  const starred = new Set(stars.keys());
  return (
    <>
      <div className="print:hidden">{header}</div>
      <main className="mx-auto max-w-4xl space-y-6 px-6 py-8 print:max-w-none print:px-0">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold">Findings: {project.name}</h1>
          <div className="flex gap-3 print:hidden">
            <PrintButton />
            <a href={`/api/projects/${projectId}/findings/markdown?coders=${coderSelectionToParam(selection)}`} className="rounded border border-stone-300 px-3 py-1 text-sm">Download Markdown</a>
            <a href={`/api/projects/${projectId}/codings/csv`} className="rounded border border-stone-300 px-3 py-1 text-sm">Codings (CSV)</a>
            <a href={`/api/projects/${projectId}/codings/xlsx`} className="rounded border border-stone-300 px-3 py-1 text-sm">Codings (XLSX)</a>
          </div>
        </div>
        <div className="print:hidden">
          <SelectionPicker selection={selection} coders={coders} label={label} forced={forced} decisions={decisions} />
        </div>
        <p className="hidden text-sm print:block">Whose coding counts: {label}. Printed {new Date().toISOString().slice(0, 10)}.</p>
        {report.findings.length === 0 && <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No findings yet. {editable ? "Add the first one below." : ""}</p>}
        {report.findings.map((finding, i) => (
          <FindingCard key={finding.id} projectId={projectId} finding={finding} index={i} starred={starred}>
            {editable && <FindingControls projectId={projectId} finding={finding} order={order} />}
            {editable && (
              <EvidencePicker
                projectId={projectId}
                findingId={finding.id}
                // Held to the reader's own codings when blind, as the evidence above is, so a pin never vanishes on reload.
                candidates={representative.filter((q) => (!forced || q.coderId === user.id) && !finding.evidence.some((e) => e.codingId === q.codingId))}
                pinned={finding.evidence.map((e) => ({ codingId: e.codingId, quote: e.quote }))}
              />
            )}
          </FindingCard>
        ))}
        {editable && <NewFinding projectId={projectId} numbers={numbers} />}
      </main>
    </>
  );
}
