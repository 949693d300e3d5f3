"use client";

import { useId, useState } from "react";
import type { ExportChoices } from "@/lib/exports/data";

type Slice = "code" | "document" | "case" | "attribute";

const SLICES: { value: Slice; label: string }[] = [
  { value: "code", label: "A code (theme)" },
  { value: "document", label: "An interview" },
  { value: "case", label: "A case" },
  { value: "attribute", label: "Cases with an attribute value" },
];

const select = "mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";
const button = "inline-block rounded bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

/**
 * Choose a slice and a format, then download: plain links to the export routes, so the
 * browser's own download (and its progress) takes over and nothing is held in the page.
 */
export function ExportForm({ projectId, choices }: { projectId: string; choices: ExportChoices }) {
  const id = useId();
  const [slice, setSlice] = useState<Slice>("code");
  const [codeId, setCodeId] = useState(choices.codes[0]?.id ?? "");
  const [subcodes, setSubcodes] = useState(true);
  const [documentId, setDocumentId] = useState(choices.documents[0]?.id ?? "");
  const [caseId, setCaseId] = useState(choices.cases[0]?.id ?? "");
  const [attributeId, setAttributeId] = useState(choices.attributes[0]?.id ?? "");
  const attribute = choices.attributes.find((a) => a.id === attributeId);
  const [value, setValue] = useState(attribute?.values[0] ?? "");
  const [format, setFormat] = useState<"csv" | "xlsx">("xlsx");
  const [coders, setCoders] = useState(false);

  const code = choices.codes.find((c) => c.id === codeId);
  const query: Record<string, string> | null =
    slice === "code" ? (code ? { slice, id: code.id, ...(subcodes ? { subcodes: "1" } : {}) } : null)
    : slice === "document" ? (documentId ? { slice, id: documentId } : null)
    : slice === "case" ? (caseId ? { slice, id: caseId } : null)
    : attribute && value ? { slice, id: attribute.id, value } : null;
  const href = query && `/api/projects/${projectId}/export/slice?${new URLSearchParams({ ...query, format })}`;
  const quotesHref = slice === "code" && code && `/api/projects/${projectId}/export/theme-quotes?${new URLSearchParams({ codeId: code.id, ...(subcodes ? { subcodes: "1" } : {}), ...(coders ? { coders: "1" } : {}) })}`;
  const missing = { code: "This project has no codes yet.", document: "This project has no interviews yet.", case: "This project has no cases yet.", attribute: "No case has an attribute value yet." }[slice];

  return (
    <div className="space-y-6 rounded-lg border border-stone-300 bg-white p-5">
      <fieldset>
        <legend className="text-sm font-semibold">Codings of</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2 text-sm">
          {SLICES.map((s) => (
            <label key={s.value} className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-slice`} value={s.value} checked={slice === s.value} onChange={() => setSlice(s.value)} /> {s.label}
            </label>
          ))}
        </div>
      </fieldset>

      {slice === "code" && code && (
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="font-medium">Code</span>
            <select className={select} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
              {choices.codes.map((c) => (
                <option key={c.id} value={c.id}>{"\u00a0\u00a0\u00a0".repeat(c.depth)}{c.depth > 0 ? "└ " : ""}{c.name}{c.childCount > 0 ? ` (${c.childCount} sub-code${c.childCount === 1 ? "" : "s"})` : ""}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={subcodes} onChange={(e) => setSubcodes(e.target.checked)} /> With its sub-codes (the whole branch)
          </label>
        </div>
      )}
      {slice === "document" && choices.documents.length > 0 && (
        <label className="block text-sm">
          <span className="font-medium">Interview</span>
          <select className={select} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            {choices.documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </label>
      )}
      {slice === "case" && choices.cases.length > 0 && (
        <label className="block text-sm">
          <span className="font-medium">Case</span>
          <select className={select} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            {choices.cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      )}
      {slice === "attribute" && attribute && (
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            <span className="font-medium">Attribute</span>
            <select
              className={select}
              value={attributeId}
              onChange={(e) => {
                setAttributeId(e.target.value);
                setValue(choices.attributes.find((a) => a.id === e.target.value)?.values[0] ?? "");
              }}
            >
              {choices.attributes.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
            </select>
          </label>
          <label className="block text-sm">
            <span className="font-medium">equals</span>
            <select className={select} value={value} onChange={(e) => setValue(e.target.value)} disabled={attribute.values.length === 0}>
              {attribute.values.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </label>
        </div>
      )}
      {!query && <p className="rounded border border-dashed border-stone-400 p-3 text-sm text-stone-700">{missing}</p>}

      <fieldset>
        <legend className="text-sm font-semibold">Format</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-format`} checked={format === "xlsx"} onChange={() => setFormat("xlsx")} /> Excel workbook (.xlsx)
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-format`} checked={format === "csv"} onChange={() => setFormat("csv")} /> CSV (UTF-8)
          </label>
        </div>
      </fieldset>

      {href && <a href={href} download className={button} data-testid="download-slice">Download codings ({format === "xlsx" ? "Excel" : "CSV"})</a>}

      {quotesHref && (
        <div className="space-y-2 border-t border-stone-200 pt-4">
          <h2 className="text-sm font-semibold">Quotes of this theme for a paper</h2>
          <p className="text-sm text-stone-700">A Word document: the code and its definition, then each quote as a block quotation with its interview, speaker and turn, grouped by interview.</p>
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={coders} onChange={(e) => setCoders(e.target.checked)} /> Name the analyst who coded each quote
          </label>
          <a href={quotesHref} download className={button} data-testid="download-quotes">Download quotes (Word)</a>
        </div>
      )}
    </div>
  );
}
