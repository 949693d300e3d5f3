"use client";

import { useState } from "react";
import type { CaseSheet as Sheet } from "@/lib/cases/data";
import { AttributeHeader } from "./attribute-header";
import { CaseNameCell, DocumentsCell } from "./case-row-controls";
import { AddAttributeForm, AddCaseForm, UnassignedDocuments } from "./sheet-forms";
import { StatusProvider } from "./sheet-status";
import { ValueCell } from "./value-cell";

type Props = { projectId: string; sheet: Sheet; canEdit: boolean; caseCount: number };

/** The project's cases as a table: a row per case, a column per attribute, then its documents. */
export function CaseSheet({ projectId, sheet, canEdit, caseCount }: Props) {
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const unassigned = sheet.documents.filter((d) => d.caseId === null);
  return (
    <StatusProvider report={setStatus}>
      {canEdit && (
        <div className="mt-4 grid gap-3 md:grid-cols-2">
          <AddCaseForm projectId={projectId} />
          <AddAttributeForm projectId={projectId} />
        </div>
      )}
      <p role="status" aria-live="polite" className={`mt-3 min-h-5 text-sm ${status?.kind === "error" ? "text-red-800" : "text-teal-800"}`}>{status?.text}</p>
      {caseCount === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
          {canEdit ? "No cases yet. Add one above (an interviewee or a team), or import a case sheet from the import page." : "No cases yet. A project owner adds them."}
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Cases and their attributes</caption>
            <thead className="bg-stone-50 text-left align-top">
              <tr>
                <th scope="col" className="px-3 py-2">Case</th>
                {sheet.attributes.map((a) => <th key={a.id} scope="col" className="px-3 py-2"><AttributeHeader projectId={projectId} attribute={a} canEdit={canEdit} /></th>)}
                <th scope="col" className="px-3 py-2">Documents</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 align-top">
              {sheet.cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal"><CaseNameCell projectId={projectId} kase={c} canEdit={canEdit} /></th>
                  {sheet.attributes.map((a) => (
                    <td key={a.id} className="px-3 py-2"><ValueCell projectId={projectId} caseId={c.id} caseName={c.name} attribute={a} value={c.values[a.id]} canEdit={canEdit} /></td>
                  ))}
                  <td className="px-3 py-2"><DocumentsCell projectId={projectId} kase={c} documents={sheet.documents} canEdit={canEdit} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sheet.attributes.length === 0 && caseCount > 0 && <p className="mt-2 text-sm text-stone-700">No attributes yet{canEdit ? ": add one (sector, role, years of experience…) to describe the cases." : "."}</p>}
      <section aria-labelledby="no-case-heading" className="mt-8">
        <h2 id="no-case-heading" className="text-lg font-semibold">Documents without a case ({unassigned.length})</h2>
        <p className="text-sm text-stone-700">A breakdown or filter by case attributes leaves them out: they have no values to match.</p>
        <UnassignedDocuments projectId={projectId} documents={unassigned} cases={sheet.allCases} canEdit={canEdit} />
      </section>
    </StatusProvider>
  );
}
