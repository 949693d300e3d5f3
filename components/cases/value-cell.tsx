"use client";

import { useRef, useState } from "react";
import { setValueAction } from "@/lib/cases/actions";
import type { SheetAttribute } from "@/lib/cases/data";
import { parseNumber } from "@/lib/cases/infer-types";
import { TEXT_VALUE_MAX } from "@/lib/cases/limits";
import { showValue, type Scalar } from "@/lib/cases/retype";
import { useSheetAction } from "./sheet-status";

type Props = { projectId: string; caseId: string; caseName: string; attribute: SheetAttribute; value: Scalar | undefined; canEdit: boolean };

/**
 * One cell of the case sheet. Owners edit in place: a list for categories and yes/no (saved
 * when chosen), a field for text and numbers (saved on Enter or when leaving it; Escape puts
 * the value back). Clearing the field or choosing "no value" clears the value.
 */
export function ValueCell({ projectId, caseId, caseName, attribute, value, canEdit }: Props) {
  const { pending, run, report } = useSheetAction();
  const [invalid, setInvalid] = useState(false);
  const sent = useRef<string | null>(null);
  // Whether the status line shows this cell's error, which its next good save clears.
  const reportedError = useRef(false);
  const label = `${attribute.name} of ${caseName}`;
  const save = (next: Scalar | null) =>
    run(() => setValueAction({ projectId, caseId, attributeId: attribute.id, value: next }), () => {
      setInvalid(false);
      if (reportedError.current) report(null);
      reportedError.current = false;
      return null;
    }, () => {
      sent.current = null;
      reportedError.current = true;
      setInvalid(true);
    });

  if (!canEdit) return value === undefined ? <span className="text-stone-600">—<span className="sr-only">no value</span></span> : <span>{showValue(value)}</span>;

  const field = `w-full min-w-24 rounded border px-1.5 py-1 disabled:opacity-60 ${invalid ? "border-red-700" : "border-stone-300"}`;
  if (attribute.type === "category" || attribute.type === "boolean") {
    const options = attribute.type === "boolean" ? [["true", "yes"], ["false", "no"]] : attribute.categories.map((c) => [c, c]);
    const current = value === undefined ? "" : String(value);
    return (
      <select aria-label={label} value={current} disabled={pending} aria-invalid={invalid} className={field}
        onChange={(e) => {
          const raw = e.target.value;
          save(raw === "" ? null : attribute.type === "boolean" ? raw === "true" : raw);
        }}>
        <option value="">— no value</option>
        {/* A value outside the list (from an import) stays visible until changed. */}
        {current && !options.some(([v]) => v === current) && <option value={current}>{current}</option>}
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    );
  }

  const shown = value === undefined ? "" : String(value);
  const commit = (input: HTMLInputElement) => {
    const raw = input.value.trim();
    // Enter then blur (the field is disabled while saving) must not save twice.
    if (raw === shown || raw === sent.current) return;
    sent.current = raw;
    if (raw === "") return save(null);
    if (attribute.type === "number") {
      const n = parseNumber(raw);
      if (n === null) {
        setInvalid(true);
        reportedError.current = true;
        report({ kind: "error", text: `“${raw}” is not a number; ${attribute.name} holds numbers. Nothing was saved.` });
        return;
      }
      return save(n);
    }
    save(raw);
  };
  return (
    <input key={shown} aria-label={label} defaultValue={shown} disabled={pending} aria-invalid={invalid} maxLength={TEXT_VALUE_MAX}
      inputMode={attribute.type === "number" ? "decimal" : undefined} className={field}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit(e.currentTarget);
        } else if (e.key === "Escape") {
          e.currentTarget.value = shown;
          setInvalid(false);
        }
      }} />
  );
}
