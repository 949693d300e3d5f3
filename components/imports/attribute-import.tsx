"use client";

import { useState } from "react";
import type { AttributeSheetPreview } from "@/lib/cases/attribute-import";
import { postWithProgress } from "./upload";

type Column = { name: string; type: "text" | "number" | "category" | "boolean"; include: boolean };
type ErrorBody = { error?: { message: string } };

/** Case attributes from a CSV/XLSX sheet: types proposed, confirmed by the person, unknown cases listed. */
export function AttributeImport({ projectId, limits }: { projectId: string; limits: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AttributeSheetPreview | null>(null);
  const [columns, setColumns] = useState<Column[]>([]);
  const [createMissing, setCreateMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const url = `/api/projects/${projectId}/imports/attributes`;

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    setMessage(null);
    setBusy(true);
    const form = new FormData();
    form.set("mode", "preview");
    form.set("file", chosen);
    const { status, body } = await postWithProgress<{ preview?: AttributeSheetPreview } & ErrorBody>(url, form, () => {});
    setBusy(false);
    if (status !== 200 || !body.preview) return setMessage({ kind: "error", text: body?.error?.message ?? `The server answered ${status}.` });
    setPreview(body.preview);
    setColumns(body.preview.columns.map((c) => ({ name: c.name, type: c.existing ?? c.inferred, include: true })));
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    form.set("mode", "commit");
    form.set("file", file);
    form.set("options", JSON.stringify({ columns, createMissingCases: createMissing }));
    const { status, body } = await postWithProgress<{ result?: { written: number; skippedCases: string[]; createdCases: string[] } } & ErrorBody>(url, form, () => {});
    setBusy(false);
    if (status !== 200 || !body.result) return setMessage({ kind: "error", text: body?.error?.message ?? `The server answered ${status}.` });
    const { written, skippedCases, createdCases } = body.result;
    setMessage({
      kind: "ok",
      text: `Stored ${written} values.${createdCases.length ? ` Created cases: ${createdCases.join(", ")}.` : ""}${skippedCases.length ? ` Skipped rows for unknown cases: ${skippedCases.join(", ")}.` : ""}`,
    });
    setPreview(null);
  }

  return (
    <section className="space-y-3 text-sm" aria-labelledby="attributes-heading">
      <h2 id="attributes-heading" className="text-lg font-semibold">Case attributes from a sheet</h2>
      <p className="text-stone-600">One row per case, one column per attribute; the first column names the case (CSV or XLSX).</p>
      <p className="text-xs text-stone-500">{limits}</p>
      <input type="file" accept=".csv,.xlsx" aria-label="Choose a case sheet" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} />
      {message && <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-900"}>{message.text}</p>}
      {preview && (
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <p>
            {preview.rows} rows; cases named in “{preview.caseColumn}”. {preview.matchedCases} match cases of this project.
          </p>
          {preview.unknownCases.length > 0 && (
            <div className="mt-2 text-amber-800">
              <p>Not cases of this project yet: {preview.unknownCases.join(", ")}.</p>
              <label className="mt-1 flex items-center gap-2">
                <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} /> Create them as new cases
              </label>
            </div>
          )}
          <table className="mt-3 w-full text-left">
            <thead className="text-xs text-stone-500">
              <tr><th>Import</th><th>Column</th><th>Type</th><th>Sample values</th></tr>
            </thead>
            <tbody>
              {columns.map((c, i) => (
                <tr key={c.name} className="border-t border-stone-100">
                  <td><input type="checkbox" checked={c.include} aria-label={`Import ${c.name}`} onChange={(e) => setColumns((l) => l.map((x, j) => (j === i ? { ...x, include: e.target.checked } : x)))} /></td>
                  <td>{c.name}</td>
                  <td>
                    <select value={c.type} aria-label={`Type of ${c.name}`} disabled={!!preview.columns[i].existing}
                      onChange={(e) => setColumns((l) => l.map((x, j) => (j === i ? { ...x, type: e.target.value as Column["type"] } : x)))}>
                      <option value="text">text</option>
                      <option value="number">number</option>
                      <option value="category">category</option>
                      <option value="boolean">yes/no</option>
                    </select>
                  </td>
                  <td className="text-stone-500">{preview.columns[i].sample.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void commit()} disabled={busy} className="mt-3 rounded-md bg-teal-800 px-3 py-1.5 text-white disabled:opacity-50">Store attributes</button>
        </div>
      )}
    </section>
  );
}
