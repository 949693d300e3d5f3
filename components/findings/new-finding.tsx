"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { type ChosenCode, CodeChooser } from "@/components/codes/code-chooser";
import { createFindingAction } from "@/lib/findings/actions";

type Option = { id: string; name: string };

/**
 * A new finding: a statement, and optionally a live figure of one of the three kinds. Its code
 * (or parent theme) is found by typing (CodeChooser), so the page does not carry the codebook.
 */
export function NewFinding({ projectId, numbers }: { projectId: string; numbers: Option[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<"none" | "interview-share" | "attribute-ratio" | "code-ranking">("interview-share");
  const [statement, setStatement] = useState("");
  const [code, setCode] = useState<ChosenCode | null>(null);
  const [parent, setParent] = useState<ChosenCode | null>(null);
  const codeId = code?.id ?? "";
  const parentId = parent?.id ?? "";
  const [numerator, setNumerator] = useState(numbers[0]?.id ?? "");
  const [denominator, setDenominator] = useState(numbers[0]?.id ?? "");
  const [stated, setStated] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  // A figure of a code needs one chosen: none is preselected, so a finding never counts a code nobody picked.
  const missingCode = (kind === "interview-share" && !codeId) || (kind === "code-ranking" && !parentId);
  const figure =
    kind === "interview-share" ? { kind, codeId, filter: [] } : kind === "attribute-ratio" ? { kind, numerator: [numerator], denominator: [denominator], filter: [] } : kind === "code-ranking" ? { kind, parentCodeId: parentId, filter: [] } : null;
  return (
    <form
      className="space-y-2 rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm print:hidden"
      aria-label="New finding"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createFindingAction({ projectId, statement, figure, statedValue: stated.trim() ? Number(stated) / 100 : null, statedText: stated.trim() ? `${stated}%` : "" });
          if (!result.ok) return setError([result.error.message, ...Object.values(result.error.fieldErrors ?? {}).flat()].join(" "));
          setError("");
          setStatement("");
          setStated("");
          router.refresh();
        });
      }}
    >
      <p className="font-medium">Add a finding</p>
      <textarea value={statement} onChange={(e) => setStatement(e.target.value)} placeholder="The statement, as the report will say it" aria-label="Statement" rows={2} className="block w-full rounded border border-stone-300 px-2 py-1" />
      <div className="flex flex-wrap items-center gap-2">
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label="Figure" className="rounded border border-stone-300 px-2 py-1">
          <option value="interview-share">Share of interviews coded with…</option>
          <option value="attribute-ratio">Ratio of case attribute sums…</option>
          <option value="code-ranking">Ranking of a theme's sub-themes…</option>
          <option value="none">No figure (qualitative)</option>
        </select>
        {kind === "interview-share" && (
          <CodeChooser projectId={projectId} label="Code" value={code} onChange={setCode} className="w-64" />
        )}
        {kind === "attribute-ratio" && (
          <>
            <select value={numerator} onChange={(e) => setNumerator(e.target.value)} aria-label="Numerator" className="rounded border border-stone-300 px-2 py-1">
              {numbers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            <span>÷</span>
            <select value={denominator} onChange={(e) => setDenominator(e.target.value)} aria-label="Denominator" className="rounded border border-stone-300 px-2 py-1">
              {numbers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </>
        )}
        {kind === "code-ranking" && (
          <CodeChooser projectId={projectId} label="Parent theme" value={parent} onChange={setParent} kind="parents" className="w-64" />
        )}
        {kind !== "code-ranking" && kind !== "none" && (
          <label>
            Published figure <input value={stated} onChange={(e) => setStated(e.target.value)} inputMode="decimal" className="w-16 rounded border border-stone-300 px-2 py-1" /> %
          </label>
        )}
      </div>
      <button type="submit" disabled={pending || !statement.trim() || missingCode} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-50">Add finding</button>
      {error && <p role="alert" className="text-red-800">{error}</p>}
    </form>
  );
}
