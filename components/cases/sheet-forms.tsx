"use client";

import { useRef, useState, type FormEvent } from "react";
import { createAttributeAction, createCaseAction, linkDocumentAction } from "@/lib/cases/actions";
import type { SheetDocument } from "@/lib/cases/data";
import { ATTRIBUTE_NAME_MAX, ATTRIBUTE_TYPES, CASE_NAME_MAX, TYPE_LABELS, type AttributeKind } from "@/lib/cases/limits";
import { useSheetAction } from "./sheet-status";

const input = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

export function AddCaseForm({ projectId }: { projectId: string }) {
  const { pending, run } = useSheetAction();
  const form = useRef<HTMLFormElement>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    run(() => createCaseAction({ projectId, name }), (c) => {
      form.current?.reset();
      return `Added the case “${c.name}”.`;
    });
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="Add a case" className="flex items-end gap-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <label className="grow">New case<input name="name" required maxLength={CASE_NAME_MAX} placeholder="e.g. Interviewee 7" className={input} /></label>
      <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-60">Add case</button>
    </form>
  );
}

export function AddAttributeForm({ projectId }: { projectId: string }) {
  const { pending, run } = useSheetAction();
  const [type, setType] = useState<AttributeKind>("text");
  const form = useRef<HTMLFormElement>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const categories = String(data.get("categories") ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
    run(() => createAttributeAction({ projectId, name: String(data.get("name") ?? ""), type, categories }), (a) => {
      form.current?.reset();
      setType("text");
      return `Added the attribute “${a.name}” (${TYPE_LABELS[a.type]}).`;
    });
  };
  return (
    <form ref={form} onSubmit={submit} aria-label="Add an attribute" className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <div className="flex items-end gap-2">
        <label className="grow">New attribute<input name="name" required maxLength={ATTRIBUTE_NAME_MAX} placeholder="e.g. Sector" className={input} /></label>
        <label>Type
          <select name="type" value={type} onChange={(e) => setType(e.target.value as AttributeKind)} className={input}>
            {ATTRIBUTE_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-60">Add attribute</button>
      </div>
      {type === "category" && <label className="block">Categories, one per line<textarea name="categories" rows={3} required className={input} /></label>}
    </form>
  );
}

/** Documents in no case, each with a way to put it in one (the list of cases shown on demand). */
export function UnassignedDocuments({ projectId, documents, cases, canEdit }: { projectId: string; documents: SheetDocument[]; cases: { id: string; name: string }[]; canEdit: boolean }) {
  const { pending, run } = useSheetAction();
  const [choosing, setChoosing] = useState<string | null>(null);
  if (documents.length === 0) return <p className="mt-2 text-sm text-stone-700">Every document belongs to a case.</p>;
  return (
    <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm" aria-label="Documents without a case">
      {documents.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
          <a href={`/projects/${projectId}/documents/${d.id}`} className="text-teal-800 underline">{d.title}</a>
          {canEdit && cases.length > 0 && (choosing === d.id ? (
            <select autoFocus aria-label={`Case for ${d.title}`} defaultValue="" disabled={pending} className="rounded border border-stone-300 px-1 py-0.5"
              onKeyDown={(e) => e.key === "Escape" && setChoosing(null)}
              onChange={(e) => {
                const caseId = e.target.value;
                if (!caseId) return;
                setChoosing(null);
                run(() => linkDocumentAction({ projectId, documentId: d.id, caseId }), (l) => `“${d.title}” is now in ${l.caseName}.`);
              }}>
              <option value="">Choose a case…</option>
              {cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          ) : (
            <button type="button" onClick={() => setChoosing(d.id)} className="text-teal-800 underline">Put in a case<span className="sr-only">: {d.title}</span></button>
          ))}
        </li>
      ))}
    </ul>
  );
}
