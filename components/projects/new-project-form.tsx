"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition, type FormEvent } from "react";
import { FileJobStatus, useFileJob } from "@/components/imports/use-file-job";
import type { ImportSummary } from "@/lib/interop/refi/summary";
import { createProjectAction } from "@/lib/projects/actions";
import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "@/lib/projects/limits";

export type CodebookSource = { id: string; name: string };

/**
 * "New project": a button that opens the form. The new project starts with an empty codebook,
 * a copy of the codebook of one of `sources` (the projects the user works in), or a REFI-QDA
 * codebook file (.qdc from NVivo, ATLAS.ti, MAXQDA, QualCoder), read in the background like
 * any import: no project is made unless the file is read. On success the user lands on it.
 * Refusals are shown beside the field they concern.
 */
export function NewProjectForm({ sources }: { sources: CodebookSource[] }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<"empty" | "copy" | "qdc">("empty");
  const qdc = useFileJob<ImportSummary>("/api/imports/refi", "The codebook could not be read; no project was created.");
  useEffect(() => {
    if (qdc.summary) router.push(`/projects/${qdc.summary.projectId}`);
  }, [qdc.summary, router]);
  const [errors, setErrors] = useState<{ fields: Record<string, string[]>; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (start === "qdc") {
      const file = form.get("codebookFile");
      const name = String(form.get("name") ?? "").trim();
      if (!name) return setErrors({ fields: { name: ["Give the project a name."] }, message: "" });
      if (!(file instanceof File) || file.size === 0) return setErrors({ fields: { codebookFile: ["Choose a .qdc codebook file."] }, message: "" });
      setErrors(null);
      const upload = new FormData();
      upload.set("file", file);
      upload.set("projectName", name);
      upload.set("projectDescription", String(form.get("description") ?? ""));
      void qdc.send(upload);
      return;
    }
    startTransition(async () => {
      const result = await createProjectAction({
        name: form.get("name"),
        description: form.get("description") ?? "",
        codebookFrom: start === "copy" ? form.get("codebookFrom") : null,
      });
      if (result.ok) {
        router.push(`/projects/${result.data.projectId}`);
        return;
      }
      const fields = { ...result.error.fieldErrors };
      // A source project that is gone (or was never the user's) is about that field too.
      if (result.error.code === "NOT_FOUND" && start === "copy") fields.codebookFrom = [result.error.message];
      setErrors({ fields, message: result.error.message });
    });
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded bg-teal-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-900">
        New project
      </button>
    );
  }

  const fieldError = (name: string) =>
    errors?.fields[name]?.length ? (
      <span id={`${id}-${name}-error`} role="alert" className="mt-1 block text-red-800">
        {errors.fields[name].join(" ")}
      </span>
    ) : null;
  const described = (name: string) => (errors?.fields[name]?.length ? `${id}-${name}-error` : undefined);
  const shownElsewhere = errors && Object.values(errors.fields).some((messages) => messages.length > 0);
  const input = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

  return (
    <form onSubmit={onSubmit} aria-label="New project" className="max-w-2xl space-y-4 rounded-lg border border-stone-200 bg-white p-5 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">New project</h2>
      <div>
        <label className="block">
          <span className="font-medium">Name</span>
          <input name="name" required maxLength={PROJECT_NAME_MAX} autoFocus aria-invalid={!!described("name")} aria-describedby={described("name")} className={input} />
        </label>
        {fieldError("name")}
      </div>
      <div>
        <label className="block">
          <span className="font-medium">Description</span> <span className="text-stone-600">(optional)</span>
          <textarea name="description" rows={3} maxLength={PROJECT_DESCRIPTION_MAX} aria-invalid={!!described("description")} aria-describedby={described("description")} className={input} />
        </label>
        {fieldError("description")}
      </div>
      <fieldset>
        <legend className="font-medium">Start with</legend>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="start" value="empty" checked={start === "empty"} onChange={() => setStart("empty")} />
          Empty codebook
        </label>
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="start" value="copy" checked={start === "copy"} onChange={() => setStart("copy")} disabled={sources.length === 0} />
          Codebook of another project of mine
        </label>
        {sources.length === 0 && <p className="mt-1 text-stone-600">You are not an owner or analyst of any project whose codebook you could copy.</p>}
        <label className="mt-1 flex items-center gap-2">
          <input type="radio" name="start" value="qdc" checked={start === "qdc"} onChange={() => setStart("qdc")} />
          A codebook file (REFI-QDA .qdc)
        </label>
        {start === "qdc" && (
          <div className="mt-2 pl-6">
            <label className="block">
              <span className="font-medium">Codebook file</span>
              <input type="file" name="codebookFile" accept=".qdc" required disabled={qdc.busy} aria-invalid={!!described("codebookFile")} aria-describedby={[`${id}-qdc-help`, described("codebookFile")].filter(Boolean).join(" ")} className="mt-1 block" />
            </label>
            <span id={`${id}-qdc-help`} className="mt-1 block text-stone-600">Exported from NVivo, ATLAS.ti, MAXQDA, QualCoder or Grounded: codes with their hierarchy, colours and descriptions.</span>
            {fieldError("codebookFile")}
            <div className="mt-2">
              <FileJobStatus upload={qdc.upload} job={qdc.job} error={qdc.error} starting="Reading the codebook…" />
            </div>
          </div>
        )}
        {start === "copy" && (
          <div className="mt-2 pl-6">
            <label className="block">
              <span className="font-medium">Copy the codebook of</span>
              <select name="codebookFrom" required aria-invalid={!!described("codebookFrom")} aria-describedby={[`${id}-copy-help`, described("codebookFrom")].filter(Boolean).join(" ")} className={input}>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <span id={`${id}-copy-help`} className="mt-1 block text-stone-600">Its codes with their hierarchy, definitions, colours and shortcut keys; no documents, codings or memos.</span>
            {fieldError("codebookFrom")}
          </div>
        )}
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending || qdc.busy} className="rounded bg-teal-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {pending || qdc.busy ? "Creating…" : "Create project"}
        </button>
        <button type="button" onClick={() => { setOpen(false); setErrors(null); }} className="rounded border border-stone-300 px-3 py-1.5">
          Cancel
        </button>
      </div>
      {errors && !shownElsewhere && <p role="alert" className="text-red-800">{errors.message}</p>}
    </form>
  );
}
