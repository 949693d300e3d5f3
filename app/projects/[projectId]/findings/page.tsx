import type { Metadata } from "next";
import Link from "next/link";
import { SelectionPicker } from "@/components/analysis/selection-picker";
import { FindingCard } from "@/components/findings/finding-card";
import { EvidencePicker } from "@/components/findings/evidence-picker";
import { FindingControls } from "@/components/findings/finding-controls";
import { NewFinding } from "@/components/findings/new-finding";
import { PrintButton } from "@/components/findings/print-button";
import { ReportFront } from "@/components/findings/report-front";
import { AppHeader } from "@/components/layout/app-header";
import { StaleNotice } from "@/components/live/stale-notice";
import { coderSelectionToParam } from "@/lib/analysis/coder-selection";
import { consensusDecisionCount, resolveCoderSelection } from "@/lib/analysis/data";
import { pageSelection } from "@/lib/analysis/page-selection";
import { db } from "@/lib/db/client";
import { attributeLabel } from "@/lib/cases/label";
import { getFindingsReport } from "@/lib/findings/data";
import { getReportMethods } from "@/lib/findings/report";
import { latestEventId } from "@/lib/live/events";
import { readScope } from "@/lib/rigour/blind";
import { requireProjectMember } from "@/lib/projects/page-access";
import { canCode } from "@/lib/projects/permissions";
import { starredQuotes, starsOf } from "@/lib/stars/data";

export const metadata: Metadata = { title: "Findings report" };

/** The findings report: every figure computed now, checked against what the report states. */
export default async function FindingsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ coders?: string; showCoders?: string }> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const { user, role } = await requireProjectMember(projectId, `/projects/${projectId}/findings`);
  // Before the figures are read, so a change made meanwhile is announced rather than missed.
  const liveSince = await latestEventId(projectId);
  const [project, { selection, hidden, forced, visibility }] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true, description: true } }),
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
  // Analysts are named on quotes and in the methods only when the reader asks: a report's reader needs the source, not who coded it.
  const showCoders = search.showCoders === "1";
  const scope = await readScope(projectId, { id: user.id, role });
  const [report, { coders, label }, numbers, decisions, representative, methods] = await Promise.all([
    getFindingsReport(projectId, selection, scope),
    resolveCoderSelection(projectId, selection, visibility),
    db().attributeDefinition.findMany({ where: { projectId, type: "number" }, orderBy: { position: "asc" }, select: { id: true, name: true, displayName: true } }),
    consensusDecisionCount(projectId),
    editable ? starredQuotes(projectId, { id: user.id, role }) : [],
    getReportMethods(projectId, scope, showCoders),
  ]);
  const order = report.findings.map((f) => f.id);
  const stars = await starsOf(projectId, report.findings.flatMap((f) => f.evidence.map((e) => e.codingId)));
  const starred = new Set(stars.keys());
  const coderParam = { coders: coderSelectionToParam(selection) };
  const query = new URLSearchParams({ ...coderParam, ...(showCoders ? { showCoders: "1" } : {}) }).toString();
  const toggleCoders = new URLSearchParams({ ...coderParam, ...(showCoders ? {} : { showCoders: "1" }) }).toString();
  return (
    <>
      <div className="print:hidden">{header}</div>
      <main className="mx-auto max-w-4xl space-y-6 px-6 py-8 print:max-w-none print:px-0 print:py-0">
        <StaleNotice projectId={projectId} page="findings" since={liveSince.toString()} me={user.id} />
        <div className="flex flex-wrap items-center justify-end gap-3 print:hidden">
          <PrintButton />
          <a href={`/api/projects/${projectId}/findings/markdown?${query}`} className="rounded border border-stone-300 px-3 py-1 text-sm">Download Markdown</a>
          <a href={`/api/projects/${projectId}/findings/docx?${query}`} className="rounded border border-stone-300 px-3 py-1 text-sm">Download Word (.docx)</a>
          <a href={`/api/projects/${projectId}/codings/csv`} className="rounded border border-stone-300 px-3 py-1 text-sm">Codings (CSV)</a>
          <a href={`/api/projects/${projectId}/codings/xlsx`} className="rounded border border-stone-300 px-3 py-1 text-sm">Codings (XLSX)</a>
          <a href={`?${toggleCoders}`} className="text-sm text-teal-800 underline" data-testid="show-coders">
            {showCoders ? "Hide coders" : "Show coders"}<span className="sr-only"> on quotes and in the methods</span>
          </a>
        </div>
        <ReportFront title={project.name} description={project.description} generatedAt={new Date()} selectionLabel={label} methods={methods} />
        <div className="print:hidden">
          <SelectionPicker selection={selection} coders={coders} label={label} forced={forced} decisions={decisions} />
        </div>
        <h2 className="hidden text-2xl font-semibold print:block">Findings</h2>
        {report.findings.length === 0 && <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No findings yet. {editable ? "Add the first one below." : ""}</p>}
        {report.findings.map((finding, i) => (
          <FindingCard key={finding.id} projectId={projectId} finding={finding} index={i} starred={starred} showCoders={showCoders}>
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
        {editable && <NewFinding projectId={projectId} numbers={numbers.map((a) => ({ id: a.id, name: attributeLabel(a) }))} />}
      </main>
    </>
  );
}
