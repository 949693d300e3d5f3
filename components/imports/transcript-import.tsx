"use client";

import Link from "next/link";
import { useEffect, useState, type DragEvent } from "react";
import { JobProgress } from "@/components/jobs/job-progress";
import { announceJobsChanged, dismissJob } from "@/components/jobs/jobs-client";
import { useJob } from "@/components/jobs/use-job";
import type { FilePreview } from "@/lib/documents/import-request";
import type { ImportFileOptions } from "@/lib/documents/import-schema";
import { isActive } from "@/lib/jobs/types";
import { SpeakerLabelsChoice } from "./speaker-labels-choice";
import { postWithProgress } from "./upload";

type Case = { id: string; name: string };
type Row = { file: File; preview: FilePreview; options: ImportFileOptions; include: boolean };
type Imported = { id: string; title: string; fileName: string; caseName: string | null; turns: number };
type ErrorBody = { error?: { message: string } };

/**
 * Import transcripts: drop files, check what was found (turns, speakers, first lines), rename
 * speakers, mark the interviewer, map each file to a case, then import them all at once. The
 * import runs as a background job (lib/jobs): its progress shows here, and the page may be
 * left; the header then shows how it ended.
 */
export function TranscriptImport({ projectId, cases, limits }: { projectId: string; cases: Case[]; limits: string }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [phase, setPhase] = useState<"idle" | "reading" | "importing" | "done">("idle");
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [imported, setImported] = useState<Imported[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const { job, error: jobError } = useJob(jobId);
  const url = `/api/projects/${projectId}/imports/transcripts`;

  // The job's outcome, shown here, is then dismissed so the header does not repeat it.
  useEffect(() => {
    if (jobError) {
      setPhase("idle");
      setMessage({ kind: "error", text: jobError });
      setJobId(null);
      return;
    }
    if (!job || isActive(job.status)) return;
    if (job.status === "succeeded") {
      const done = (job.outcome?.details as { imported?: Imported[] } | undefined)?.imported ?? [];
      setImported(done);
      setRows([]);
      setPhase("done");
      setMessage({ kind: "ok", text: `Imported ${done.length} transcript${done.length === 1 ? "" : "s"}.` });
    } else {
      setPhase("idle");
      setMessage({ kind: "error", text: job.error ?? "The import failed; nothing was imported." });
    }
    setJobId(null);
    void dismissJob(job.id);
  }, [job, jobError]);

  async function add(files: File[]) {
    if (files.length === 0) return;
    setMessage(null);
    setPhase("reading");
    const form = new FormData();
    form.set("mode", "preview");
    files.forEach((f) => form.append("files", f));
    try {
      const { status, body } = await postWithProgress<{ previews?: FilePreview[] } & ErrorBody>(url, form, setProgress);
      if (status !== 200 || !body.previews) throw new Error(body?.error?.message ?? `The server answered ${status}.`);
      const fresh = body.previews.map((preview, i) => ({
        file: files[i],
        preview,
        include: !preview.error,
        options: {
          fileName: preview.fileName,
          title: preview.title,
          speakers: preview.speakers.map((s) => ({ from: s.name, to: s.name, interviewer: s.interviewer })),
          speakerLabels: { kind: "auto" as const },
          case: preview.suggestedCase.kind === "existing" ? { kind: "existing" as const, caseId: preview.suggestedCase.caseId } : { kind: "new" as const, name: preview.suggestedCase.name },
        },
      }));
      setRows((old) => [...old.filter((r) => !files.some((f) => f.name === r.file.name)), ...fresh]);
    } catch (error) {
      setMessage({ kind: "error", text: (error as Error).message });
    }
    setPhase("idle");
  }

  async function commit() {
    const chosen = rows.filter((r) => r.include);
    if (chosen.length === 0) return;
    setPhase("importing");
    setProgress(0);
    setMessage(null);
    const form = new FormData();
    form.set("mode", "commit");
    form.set("options", JSON.stringify({ files: chosen.map((r) => r.options) }));
    chosen.forEach((r) => form.append("files", r.file));
    try {
      const { status, body } = await postWithProgress<{ jobId?: string } & ErrorBody>(url, form, setProgress);
      if (status !== 202 || !body.jobId) throw new Error(body?.error?.message ?? `The server answered ${status}.`);
      setImported([]);
      setJobId(body.jobId);
      announceJobsChanged();
    } catch (error) {
      setPhase("idle");
      setMessage({ kind: "error", text: (error as Error).message });
    }
  }

  const update = (i: number, change: Partial<Row> | ((r: Row) => Row)) =>
    setRows((list) => list.map((r, j) => (j === i ? (typeof change === "function" ? change(r) : { ...r, ...change }) : r)));

  return (
    <div className="space-y-6">
      <DropZone disabled={phase === "reading" || phase === "importing"} onFiles={add} limits={limits} />
      {(phase === "reading" || (phase === "importing" && !job)) && (
        <div role="status" aria-live="polite" className="space-y-1">
          <p className="text-sm text-stone-700">{phase === "reading" ? "Reading files…" : progress < 1 ? "Uploading…" : "Starting the import…"}</p>
          <progress max={1} value={progress} className="h-2 w-full" aria-label="Upload progress" />
        </div>
      )}
      {phase === "importing" && job && <JobProgress job={job} />}
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ${message.kind === "error" ? "border border-red-200 bg-red-50 text-red-800" : "border border-teal-200 bg-teal-50 text-teal-900"}`}>
          {message.text}
        </p>
      )}
      {imported.length > 0 && (
        <ul className="list-disc space-y-1 pl-6 text-sm" aria-label="Imported documents">
          {imported.map((d) => (
            <li key={d.id}>
              <Link href={`/projects/${projectId}/documents/${d.id}`} className="text-teal-800 underline">{d.title}</Link> — {d.turns} turns{d.caseName ? `, case ${d.caseName}` : ""}
            </li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <>
          <ul className="space-y-4" aria-label="Files to import">
            {rows.map((row, i) => (
              <FileCard key={row.file.name} row={row} cases={cases} onChange={(change) => update(i, change)} onRemove={() => setRows((l) => l.filter((_, j) => j !== i))} />
            ))}
          </ul>
          <button type="button" onClick={commit} disabled={phase !== "idle" || !rows.some((r) => r.include)}
            className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white disabled:opacity-50">
            Import {rows.filter((r) => r.include).length} file{rows.filter((r) => r.include).length === 1 ? "" : "s"}
          </button>
        </>
      )}
    </div>
  );
}

function DropZone({ onFiles, disabled, limits }: { onFiles: (files: File[]) => void; disabled: boolean; limits: string }) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <label
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`block cursor-pointer rounded-lg border-2 border-dashed p-8 text-center ${over ? "border-teal-700 bg-teal-50" : "border-stone-300 bg-white"}`}
    >
      <span className="font-medium">Drop transcripts here, or click to choose files</span>
      <span className="mt-1 block text-sm text-stone-600">Word (.docx), text (.txt, .md), captions (.vtt, .srt from Zoom, Teams, Otter), PDF with a text layer. {limits}</span>
      <input type="file" multiple disabled={disabled} className="sr-only" aria-label="Choose transcript files" accept=".docx,.txt,.md,.markdown,.vtt,.srt,.pdf"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = "";
        }} />
    </label>
  );
}

function FileCard({ row, cases, onChange, onRemove }: { row: Row; cases: Case[]; onChange: (c: Partial<Row> | ((r: Row) => Row)) => void; onRemove: () => void }) {
  const { preview, options } = row;
  const setOptions = (o: Partial<ImportFileOptions>) => onChange((r) => ({ ...r, options: { ...r.options, ...o } }));
  const caseValue = options.case.kind === "existing" ? options.case.caseId : options.case.kind;
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="import-file">
      <div className="flex items-center gap-3">
        <input type="checkbox" checked={row.include} disabled={!!preview.error} onChange={(e) => onChange({ include: e.target.checked })} aria-label={`Import ${preview.fileName}`} />
        <span className="font-medium">{preview.fileName}</span>
        {preview.format && <span className="rounded bg-stone-100 px-1.5 text-xs text-stone-600">{preview.format}</span>}
        <span className="text-stone-500">{preview.turns} turns</span>
        <button type="button" onClick={onRemove} className="ml-auto text-stone-500 hover:text-stone-800" aria-label={`Remove ${preview.fileName}`}>Remove</button>
      </div>
      {preview.error ? (
        <p role="alert" className="mt-2 text-red-800">{preview.error}</p>
      ) : (
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div className="space-y-2">
            <label className="block">
              <span className="text-xs text-stone-600">Title</span>
              <input value={options.title} onChange={(e) => setOptions({ title: e.target.value })} className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <label className="block">
              <span className="text-xs text-stone-600">Case (interviewee or team)</span>
              <select value={caseValue} onChange={(e) => {
                const v = e.target.value;
                setOptions({ case: v === "new" ? { kind: "new", name: options.title } : v === "none" ? { kind: "none" } : { kind: "existing", caseId: v } });
              }} className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1">
                <option value="new">A new case…</option>
                <option value="none">No case</option>
                {cases.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
            {options.case.kind === "new" && (
              <input value={options.case.name} aria-label="New case name" onChange={(e) => setOptions({ case: { kind: "new", name: e.target.value } })} className="block w-full rounded border border-stone-300 px-2 py-1" />
            )}
            <SpeakerLabelsChoice preview={preview} options={options} onChange={setOptions} />
            <fieldset>
              <legend className="text-xs text-stone-600">Speakers (rename; tick the interviewer)</legend>
              {options.speakers.length === 0 && <p className="text-stone-600">{options.speakerLabels.kind === "none" ? "None: the file is imported as one passage." : "No speaker labels found."}</p>}
              {options.speakers.map((s, j) => (
                <div key={s.from} className="mt-1 flex items-center gap-2">
                  <input value={s.to} aria-label={`Name for ${s.from}`} onChange={(e) => setOptions({ speakers: options.speakers.map((x, k) => (k === j ? { ...x, to: e.target.value } : x)) })}
                    className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-0.5" />
                  <label className="flex items-center gap-1 text-xs">
                    <input type="checkbox" checked={s.interviewer} onChange={(e) => setOptions({ speakers: options.speakers.map((x, k) => (k === j ? { ...x, interviewer: e.target.checked } : x)) })} />
                    interviewer
                  </label>
                  <span className="w-16 text-right text-xs text-stone-600">{turnsLabel(preview, s.from)}</span>
                </div>
              ))}
            </fieldset>
          </div>
          <div>
            <p className="text-xs text-stone-600">First lines</p>
            <div className="mt-1 space-y-2 rounded bg-stone-50 p-2 font-serif">
              {preview.excerpt.map((e, j) => (
                <p key={j} className="whitespace-pre-line">{e.speaker && <span className="font-sans text-xs font-medium text-teal-900">{e.speaker}: </span>}{e.text}</p>
              ))}
            </div>
            {preview.warnings.map((w) => (
              <p key={w} className="mt-2 text-amber-800">{w}</p>
            ))}
          </div>
        </div>
      )}
    </li>
  );
}

// Turns as detected; a label ticked in the preview shows its lines instead (its turns are
// counted when the file is stored).
function turnsLabel(preview: FilePreview, name: string): string {
  const found = preview.speakers.find((s) => s.name === name);
  if (found) return `${found.turns} turns`;
  const label = preview.labels.find((l) => l.name === name);
  return `${label?.occurrences ?? 0} lines`;
}
