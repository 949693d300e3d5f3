"use client";

import { useState, type FormEvent } from "react";
import { deleteAttributeAction, previewRetypeAction, renameAttributeAction, retypeAttributeAction, setAttributeDisplayNameAction } from "@/lib/cases/actions";
import type { SheetAttribute } from "@/lib/cases/data";
import { ATTRIBUTE_DISPLAY_NAME_MAX, ATTRIBUTE_NAME_MAX, ATTRIBUTE_TYPES, TYPE_LABELS, type AttributeKind } from "@/lib/cases/limits";
import { useSheetAction } from "./sheet-status";

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

type Preview = { converted: number; cleared: number; message: string; type: AttributeKind; categories: string[] };

/**
 * An attribute's column heading; owners open "Edit" to rename it, change its type (or its
 * categories) and delete it. A type change is checked first: the owner reads how many values
 * convert and which will be cleared, and only then confirms (the server refuses if the values
 * changed in between, with the new figures).
 */
export function AttributeHeader({ projectId, attribute, canEdit }: { projectId: string; attribute: SheetAttribute; canEdit: boolean }) {
  const { pending, run, report } = useSheetAction();
  const [type, setType] = useState<AttributeKind>(attribute.type);
  const [preview, setPreview] = useState<Preview | null>(null);
  // The name stays the column's key (imports match on it); a display name is what reports print.
  const label = (
    <>
      <span className="font-semibold">{attribute.name}</span> <span className="text-xs font-normal text-stone-600">({TYPE_LABELS[attribute.type]})</span>
      {attribute.displayName && <span className="block text-xs font-normal text-stone-600" data-testid="display-name">In reports: {attribute.displayName}</span>}
    </>
  );
  if (!canEdit) return label;

  const rename = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    run(() => renameAttributeAction({ projectId, attributeId: attribute.id, name }), (a) => `Renamed the attribute to “${a.name}”.`);
  };
  const saveDisplayName = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const displayName = String(new FormData(e.currentTarget).get("displayName") ?? "");
    run(() => setAttributeDisplayNameAction({ projectId, attributeId: attribute.id, displayName }), (a) =>
      a.displayName ? `Reports now label “${a.name}” as “${a.displayName}”.` : `Reports now label the attribute by its name, “${a.name}”.`,
    );
  };
  const check = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const categories = type === "category" ? lines(String(new FormData(e.currentTarget).get("categories") ?? "")) : [];
    run(() => previewRetypeAction({ projectId, attributeId: attribute.id, type, categories }), (p) => {
      if (p.problem) {
        report({ kind: "error", text: p.problem });
        return null;
      }
      setPreview({ ...p, type, categories });
      return null;
    });
  };
  const confirm = (p: Preview) =>
    run(() => retypeAttributeAction({ projectId, attributeId: attribute.id, type: p.type, categories: p.categories, expect: { converted: p.converted, cleared: p.cleared } }), (r) => {
      setPreview(null);
      return `“${attribute.name}” is now ${TYPE_LABELS[p.type]}: ${r.converted} converted, ${r.cleared} cleared.`;
    }, () => setPreview(null));
  const remove = () => {
    const warning = `Delete the attribute “${attribute.name}”? Its ${attribute.values} value${attribute.values === 1 ? "" : "s"} (one per case that has one) are deleted with it, and breakdowns and findings that use it stop showing it. This cannot be undone.`;
    if (window.confirm(warning)) run(() => deleteAttributeAction({ projectId, attributeId: attribute.id }), (d) => `Deleted the attribute “${d.name}” and its ${d.values} values.`);
  };
  const id = `attr-${attribute.id}`;

  return (
    <div>
      {label}
      <details className="mt-1 text-xs font-normal">
        <summary className="cursor-pointer text-teal-800 underline">Edit<span className="sr-only"> attribute {attribute.name}</span></summary>
        <div className="mt-1 w-64 space-y-3 rounded border border-stone-200 bg-white p-2 text-left shadow">
          <form onSubmit={rename} aria-label={`Rename ${attribute.name}`} className="flex items-end gap-1">
            <label className="grow">Name<input name="name" defaultValue={attribute.name} required maxLength={ATTRIBUTE_NAME_MAX} className="mt-0.5 block w-full rounded border border-stone-300 px-1 py-0.5" /></label>
            <button type="submit" disabled={pending} className="rounded bg-teal-800 px-2 py-0.5 text-white disabled:opacity-60">Rename</button>
          </form>
          <form onSubmit={saveDisplayName} aria-label={`Display name of ${attribute.name}`} className="flex items-end gap-1">
            <label className="grow">Display name <span className="text-stone-600">(in reports; empty: the name)</span>
              <input name="displayName" defaultValue={attribute.displayName} maxLength={ATTRIBUTE_DISPLAY_NAME_MAX} placeholder={attribute.name} className="mt-0.5 block w-full rounded border border-stone-300 px-1 py-0.5" />
            </label>
            <button type="submit" disabled={pending} className="rounded bg-teal-800 px-2 py-0.5 text-white disabled:opacity-60">Save</button>
          </form>
          <form onSubmit={check} aria-label={`Change the type of ${attribute.name}`} className="space-y-1">
            <label className="block" htmlFor={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={type} onChange={(e) => { setType(e.target.value as AttributeKind); setPreview(null); }} className="block w-full rounded border border-stone-300 px-1 py-0.5">
              {ATTRIBUTE_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
            </select>
            {type === "category" && (
              <label className="block">Categories, one per line {attribute.type !== "category" && <span className="text-stone-600">(leave empty to use the values there are)</span>}
                <textarea name="categories" rows={4} defaultValue={attribute.categories.join("\n")} onChange={() => setPreview(null)} className="mt-0.5 block w-full rounded border border-stone-300 px-1 py-0.5" />
              </label>
            )}
            <button type="submit" disabled={pending} className="rounded border border-teal-800 px-2 py-0.5 text-teal-800 disabled:opacity-60">Check what happens to the values</button>
          </form>
          {preview && (
            <div role="alert" className="rounded bg-amber-50 p-2 text-stone-900">
              <p>{preview.message}</p>
              <div className="mt-1 flex gap-2">
                <button type="button" disabled={pending} onClick={() => confirm(preview)} className="rounded bg-teal-800 px-2 py-0.5 text-white disabled:opacity-60">Confirm the change</button>
                <button type="button" onClick={() => setPreview(null)} className="underline">Cancel</button>
              </div>
            </div>
          )}
          <button type="button" disabled={pending} onClick={remove} className="text-red-800 underline disabled:opacity-60">Delete attribute ({attribute.values} value{attribute.values === 1 ? "" : "s"})</button>
        </div>
      </details>
    </div>
  );
}
