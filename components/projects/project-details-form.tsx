"use client";

import { useState, useTransition, type FormEvent } from "react";
import { updateProjectAction } from "@/lib/projects/actions";
import { PROJECT_DESCRIPTION_MAX, PROJECT_NAME_MAX } from "@/lib/projects/limits";

/** An owner's form for the project's name and description, folded away until wanted. */
export function ProjectDetailsForm({ projectId, name, description }: { projectId: string; name: string; description: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateProjectAction({ projectId, name: form.get("name"), description: form.get("description") });
      setErrors(result.ok ? {} : (result.error.fieldErrors ?? {}));
      setMessage(result.ok ? { kind: "ok", text: "Saved." } : { kind: "error", text: result.error.message });
    });
  }

  return (
    <details className="mt-2 max-w-3xl text-sm">
      <summary className="cursor-pointer text-teal-800 underline">Edit name and description</summary>
      <form onSubmit={onSubmit} aria-label="Project details" className="mt-2 space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <label className="block">
          Name
          <input name="name" defaultValue={name} required maxLength={PROJECT_NAME_MAX} aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? "project-name-error" : undefined} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        {errors.name && <p id="project-name-error" className="text-red-800">{errors.name.join(" ")}</p>}
        <label className="block">
          Description
          <textarea name="description" defaultValue={description} rows={3} maxLength={PROJECT_DESCRIPTION_MAX} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        {errors.description && <p className="text-red-800">{errors.description.join(" ")}</p>}
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-60">{pending ? "Saving…" : "Save"}</button>
        {message && <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>{message.text}</p>}
      </form>
    </details>
  );
}
