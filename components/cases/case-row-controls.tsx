"use client";

import Link from "next/link";
import { useState } from "react";
import { deleteCaseAction, linkDocumentAction, renameCaseAction } from "@/lib/cases/actions";
import type { SheetCase, SheetDocument } from "@/lib/cases/data";
import { CASE_NAME_MAX } from "@/lib/cases/limits";
import { useSheetAction } from "./sheet-status";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** A case's name (owners rename it in place) and, for owners, its confirmed Delete. */
export function CaseNameCell({ projectId, kase, canEdit }: { projectId: string; kase: SheetCase; canEdit: boolean }) {
  const { pending, run } = useSheetAction();
  if (!canEdit) return <span className="font-medium">{kase.name}</span>;
  const rename = (input: HTMLInputElement) => {
    const name = input.value.trim();
    if (name === kase.name) return;
    run(() => renameCaseAction({ projectId, caseId: kase.id, name }), (c) => `Renamed to “${c.name}”.`, () => (input.value = kase.name));
  };
  const remove = () => {
    const values = Object.keys(kase.values).length;
    const memos = kase.memos > 0 ? ` and its ${plural(kase.memos, "case memo")}` : "";
    const warning = `Delete the case “${kase.name}”? Its ${plural(kase.documents.length, "document")} stay in the project with no case; its ${plural(values, "attribute value")}${memos} are deleted. This cannot be undone.`;
    if (window.confirm(warning)) run(() => deleteCaseAction({ projectId, caseId: kase.id }), (d) => `Deleted the case “${d.name}”: ${plural(d.documents, "document")} now without a case, ${plural(d.values, "value")} removed.`);
  };
  return (
    <div className="flex items-center gap-2">
      <input key={kase.name} aria-label={`Name of case ${kase.name}`} defaultValue={kase.name} maxLength={CASE_NAME_MAX} disabled={pending}
        className="w-full min-w-32 rounded border border-stone-300 px-1.5 py-1 font-medium disabled:opacity-60"
        onBlur={(e) => rename(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            e.currentTarget.blur();
          } else if (e.key === "Escape") e.currentTarget.value = kase.name;
        }} />
      <button type="button" onClick={remove} disabled={pending} className="text-xs text-red-800 underline disabled:opacity-60">
        Delete<span className="sr-only"> case {kase.name}</span>
      </button>
    </div>
  );
}

/** A case's documents (links), and for owners: take one out, or add one (a list shown on demand, so a page of cases does not carry every document once per row). */
export function DocumentsCell({ projectId, kase, documents, canEdit }: { projectId: string; kase: SheetCase; documents: SheetDocument[]; canEdit: boolean }) {
  const { pending, run } = useSheetAction();
  const [adding, setAdding] = useState(false);
  const candidates = documents.filter((d) => d.caseId !== kase.id);
  return (
    <div className="min-w-48">
      {kase.documents.length === 0 && <span className="text-stone-600">No documents</span>}
      <ul className="space-y-0.5">
        {kase.documents.map((d) => (
          <li key={d.id} className="flex items-center gap-2">
            <Link href={`/projects/${projectId}/documents/${d.id}`} className="text-teal-800 underline">{d.title}</Link>
            {canEdit && (
              <button type="button" disabled={pending} className="text-xs text-stone-700 underline disabled:opacity-60"
                onClick={() => run(() => linkDocumentAction({ projectId, documentId: d.id, caseId: null }), () => `“${d.title}” now has no case.`)}>
                Remove<span className="sr-only"> {d.title} from {kase.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && candidates.length > 0 && (adding ? (
        <select autoFocus aria-label={`Add a document to ${kase.name}`} defaultValue="" disabled={pending} className="mt-1 w-full rounded border border-stone-300 px-1 py-0.5 text-xs"
          onKeyDown={(e) => e.key === "Escape" && setAdding(false)}
          onChange={(e) => {
            const documentId = e.target.value;
            if (!documentId) return;
            setAdding(false);
            run(() => linkDocumentAction({ projectId, documentId, caseId: kase.id }), (l) => `“${documents.find((d) => d.id === l.documentId)?.title}” is now in ${l.caseName}.`);
          }}>
          <option value="">Choose a document…</option>
          {candidates.map((d) => <option key={d.id} value={d.id}>{d.title} {d.caseName ? `(now in ${d.caseName})` : "(no case)"}</option>)}
        </select>
      ) : (
        <button type="button" onClick={() => setAdding(true)} className="mt-1 text-xs text-teal-800 underline">Add a document<span className="sr-only"> to {kase.name}</span></button>
      ))}
    </div>
  );
}
