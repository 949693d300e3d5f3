"use client";

import { useEffect, useState } from "react";
import { forgetCodeDefinition } from "@/components/coding/code-definition";
import { createCodeAction, updateCodeAction } from "@/lib/codes/actions";
import { CODE_NAME_LIMIT, CODE_TEXT_LIMIT } from "@/lib/codes/limits";

export type EditableCode = { id: string; parentId: string | null; name: string; colour: string; shortcut: string | null };
type Fields = { name: string; colour: string; description: string; inclusion: string; exclusion: string; example: string; shortcut: string };
const TEXTS = [
  ["description", "Definition"],
  ["inclusion", "Include when"],
  ["exclusion", "Exclude when"],
  ["example", "Example"],
] as const;

type Props = {
  projectId: string;
  /** A code to edit, or where a new one goes. */
  target: { kind: "edit"; code: EditableCode } | { kind: "create"; parentId: string | null; parentName: string | null };
  readOnly: boolean;
  onSaved: (codeId: string, message: string) => void;
  onCancel?: () => void;
};

/**
 * Every field of a code in one form (name, colour, definition, inclusion and exclusion criteria,
 * example, shortcut key), for adding a code or editing one; read-only for analysts and viewers.
 * The definition texts are read when a code is opened (GET /api/projects/:id/codes/:codeId).
 */
export function CodeEditor({ projectId, target, readOnly, onSaved, onCancel }: Props) {
  const editing = target.kind === "edit" ? target.code : null;
  const blank: Fields = { name: editing?.name ?? "", colour: editing?.colour ?? "", description: "", inclusion: "", exclusion: "", example: "", shortcut: editing?.shortcut ?? "" };
  const [saved, setSaved] = useState<Fields | null>(editing ? null : blank);
  const [fields, setFields] = useState<Fields>(blank);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editing) return;
    const abort = new AbortController();
    fetch(`/api/projects/${encodeURIComponent(projectId)}/codes/${encodeURIComponent(editing.id)}`, { signal: abort.signal })
      .then((r) => r.json())
      .then((body: { code?: Record<string, string>; error?: { message: string } }) => {
        if (!body.code) return setError({ message: body.error?.message ?? "The code could not be read." });
        const read = { ...blank, description: body.code.description ?? "", inclusion: body.code.inclusion ?? "", exclusion: body.code.exclusion ?? "", example: body.code.example ?? "" };
        setSaved(read);
        setFields(read);
      })
      .catch(() => !abort.signal.aborted && setError({ message: "The code could not be read. Reload the page." }));
    return () => abort.abort();
    // The form is keyed by code id by its parent; a fresh one per code.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, editing?.id]);

  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const idFor = (key: string) => `code-${editing?.id ?? "new"}-${key}`;
  const fieldError = (key: string) => error?.fields?.[key]?.join(" ");

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!saved) return;
    setBusy(true);
    setError(null);
    const shortcut = fields.shortcut.trim().toLowerCase() || null;
    const result = editing
      ? await updateCodeAction({
          projectId,
          codeId: editing.id,
          ...Object.fromEntries((Object.keys(fields) as (keyof Fields)[]).filter((k) => fields[k] !== saved[k]).map((k) => [k, k === "shortcut" ? shortcut : fields[k]])),
        })
      : await createCodeAction({
          projectId,
          name: fields.name,
          parentId: target.kind === "create" ? target.parentId : null,
          ...(fields.colour ? { colour: fields.colour } : {}),
          description: fields.description,
          inclusion: fields.inclusion,
          exclusion: fields.exclusion,
          example: fields.example,
          shortcut,
        });
    setBusy(false);
    if (!result.ok) return setError({ message: result.error.message, fields: result.error.fieldErrors });
    if (editing) forgetCodeDefinition(projectId, editing.id);
    setSaved(fields);
    onSaved(result.data.id, editing ? `Saved “${result.data.name}”.` : `Added “${result.data.name}”.`);
  };

  const heading = editing ? (readOnly ? editing.name : `Edit “${editing.name}”`) : target.kind === "create" && target.parentName ? `New code under “${target.parentName}”` : "New code at the top level";
  return (
    <form onSubmit={submit} aria-label={heading} className="space-y-3 text-sm" data-testid="code-editor">
      <h2 className="text-lg font-semibold">{heading}</h2>
      {!saved && !error && <p className="text-stone-600">Reading the code…</p>}
      <fieldset disabled={readOnly || busy || !saved} className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          {/* Labels beside their fields, not around them: a wrapped field's text would join its accessible name. */}
          <div className="flex min-w-48 flex-1 flex-col">
            <label htmlFor={idFor("name")} className="font-medium">Name</label>
            <input id={idFor("name")} value={fields.name} onChange={set("name")} required maxLength={CODE_NAME_LIMIT} aria-invalid={!!fieldError("name")}
              className="mt-1 rounded border border-stone-300 px-2 py-1" />
          </div>
          <div className="flex flex-col">
            <label htmlFor={idFor("colour")} className="font-medium">Colour</label>
            <input id={idFor("colour")} type="color" value={fields.colour || "#0072b2"} onChange={set("colour")} className="mt-1 h-8 w-14 rounded border border-stone-300" />
          </div>
          <div className="flex flex-col">
            <label htmlFor={idFor("shortcut")} className="font-medium">Shortcut key</label>
            <input id={idFor("shortcut")} value={fields.shortcut} onChange={set("shortcut")} maxLength={1} pattern="[0-9a-zA-Z]" title="One letter or digit" aria-describedby={idFor("shortcut-hint")}
              className="mt-1 w-16 rounded border border-stone-300 px-2 py-1" />
          </div>
        </div>
        {!editing && !fields.colour && <p className="text-xs text-stone-600">Leave the colour as it is to get one apart from the sibling codes and the most used ones.</p>}
        <p id={idFor("shortcut-hint")} className="text-xs text-stone-600">A shortcut is one letter or digit, pressed in a transcript with a passage selected.</p>
        {TEXTS.map(([key, label]) => (
          <div key={key} className="flex flex-col">
            <label htmlFor={idFor(key)} className="font-medium">{label}</label>
            <textarea id={idFor(key)} value={fields[key]} onChange={set(key)} maxLength={CODE_TEXT_LIMIT} rows={key === "description" ? 4 : 2}
              className="mt-1 rounded border border-stone-300 px-2 py-1" />
          </div>
        ))}
      </fieldset>
      {error && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {error.message}
          {error.fields && <ul className="mt-1 list-disc pl-5">{Object.entries(error.fields).map(([k, v]) => <li key={k}>{v.join(" ")}</li>)}</ul>}
        </div>
      )}
      {!readOnly && (
        <div className="flex gap-2">
          <button type="submit" disabled={busy || !saved} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white hover:bg-teal-900 disabled:opacity-50">
            {editing ? "Save changes" : "Add code"}
          </button>
          {onCancel && <button type="button" onClick={onCancel} className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">Cancel</button>}
        </div>
      )}
    </form>
  );
}
