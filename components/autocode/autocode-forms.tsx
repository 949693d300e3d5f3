"use client";

import { useState, type FormEvent } from "react";
import type { ChosenCode } from "@/components/codes/code-chooser";
import { applyByPatternAction, applyBySpeakerAction, previewByPatternAction, previewBySpeakerAction } from "@/lib/autocode/actions";
import { MAX_PATTERN_LENGTH, PATTERN_KINDS, PATTERN_SECTIONS, SPEAKER_ROLES } from "@/lib/autocode/limits";
import { AutocodePreviewPanel } from "./autocode-preview";
import { CodeField } from "./code-field";
import { DocumentPicker } from "./document-picker";
import { RunOutcome } from "./run-outcome";
import { useAutocodeRun } from "./use-autocode-run";

type Documents = { id: string; title: string }[];
const button = "rounded bg-teal-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-800 disabled:opacity-60";
const select = "mt-1 rounded border border-stone-400 bg-white px-2 py-1";

function Shell({ title, description, children, run, onSubmit, code }: {
  title: string;
  description: string;
  children: React.ReactNode;
  run: ReturnType<typeof useAutocodeRun>;
  onSubmit: () => void;
  code: ChosenCode | null;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section aria-label={title} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-stone-700">{description}</p>
      <form onSubmit={submit} className="space-y-3">
        {children}
        <button type="submit" disabled={run.pending || !code} className={button}>{run.pending && !run.preview ? "Counting…" : "Preview"}</button>
        {!code && <span className="ml-2 text-sm text-stone-600">Choose a code first.</span>}
      </form>
      {run.error && <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{run.error}</p>}
      {run.preview && <AutocodePreviewPanel preview={run.preview} onApply={run.apply} onCancel={run.cancel} applying={run.pending} />}
      <RunOutcome applied={run.applied} undone={run.undone} onUndo={run.undo} pending={run.pending} />
    </section>
  );
}

/** Every turn of a role (all interviewer turns) or of one named speaker, each turn one coding. */
export function SpeakerForm({ projectId, documents, speakers }: { projectId: string; documents: Documents; speakers: { name: string; turns: number }[] }) {
  const run = useAutocodeRun(projectId, previewBySpeakerAction, applyBySpeakerAction);
  const [code, setCode] = useState<ChosenCode | null>(null);
  const [who, setWho] = useState("role:interviewer");
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = () => {
    if (!code) return;
    const target = who.startsWith("role:") ? { role: who.slice(5) } : { speaker: who.slice(8) };
    run.askPreview({ codeId: code.id, documentIds: chosen, ...target });
  };
  return (
    <Shell title="Code by speaker" description="Code each turn of a speaker, for instance every interviewer turn as “Interviewer”, so questions can be told apart from answers." run={run} onSubmit={submit} code={code}>
      <CodeField projectId={projectId} value={code} onChange={setCode} />
      <label className="flex flex-col text-sm">
        <span className="font-medium text-stone-800">Turns to code</span>
        <select value={who} onChange={(e) => setWho(e.target.value)} className={`${select} max-w-md`}>
          {SPEAKER_ROLES.map((r) => <option key={r.value} value={`role:${r.value}`}>{r.label}</option>)}
          {speakers.length > 0 && (
            <optgroup label="Every turn of one speaker">
              {speakers.map((s) => <option key={s.name} value={`speaker:${s.name}`}>{s.name} ({s.turns.toLocaleString("en")} turns)</option>)}
            </optgroup>
          )}
        </select>
      </label>
      <DocumentPicker documents={documents} chosen={chosen} onChange={setChosen} />
    </Shell>
  );
}

/** Lines of structured transcripts (question headings such as "Q1:" or "## ..."), or the sections they open. */
export function PatternForm({ projectId, documents }: { projectId: string; documents: Documents }) {
  const run = useAutocodeRun(projectId, previewByPatternAction, applyByPatternAction);
  const [code, setCode] = useState<ChosenCode | null>(null);
  const [kind, setKind] = useState<string>("prefix");
  const [pattern, setPattern] = useState("");
  const [section, setSection] = useState<string>("line");
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = () => code && run.askPreview({ codeId: code.id, documentIds: chosen, kind, pattern, section });
  return (
    <Shell title="Code by pattern" description="For structured transcripts: code each line that begins with a heading such as “Q1:” or “## ”, or the section from it to the next one. Letter case is ignored." run={run} onSubmit={submit} code={code}>
      <CodeField projectId={projectId} value={code} onChange={setCode} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-800">Match</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)} className={select}>
            {PATTERN_KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-800">{kind === "prefix" ? "Beginning of the line" : "Regular expression (PostgreSQL syntax; ^ and $ are the line's ends)"}</span>
          <input value={pattern} onChange={(e) => setPattern(e.target.value)} required maxLength={MAX_PATTERN_LENGTH} placeholder={kind === "prefix" ? "Q" : "^Q[0-9]+:"}
            className="mt-1 w-72 rounded border border-stone-400 px-2 py-1 font-mono" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-800">Code</span>
          <select value={section} onChange={(e) => setSection(e.target.value)} className={select}>
            {PATTERN_SECTIONS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      </div>
      <DocumentPicker documents={documents} chosen={chosen} onChange={setChosen} />
    </Shell>
  );
}
