"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { createMemoAction, updateMemoAction } from "@/lib/memos/actions";
import { MEMO_BODY_MAX, MEMO_TITLE_MAX } from "@/lib/memos/limits";
import type { MemoTarget } from "@/lib/memos/schema";

type Props = {
  projectId: string;
  /** A new memo on this target, or an edit of `memo`. */
  target?: MemoTarget;
  memo?: { id: string; title: string; body: string; updatedAt: string };
  label: string;
  onDone?: () => void;
  onCancel?: () => void;
};

/** Title and Markdown body of a memo; a new one is cleared once saved, an edit closes. */
export function MemoForm({ projectId, target, memo, label, onDone, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const idBase = memo ? `memo-${memo.id}` : `memo-new-${target?.kind}${target && "id" in target ? `-${target.id}` : ""}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields = { projectId, title: data.get("title"), body: data.get("body") };
    startTransition(async () => {
      const result = memo ? await updateMemoAction({ ...fields, memoId: memo.id, updatedAt: memo.updatedAt }) : await createMemoAction({ ...fields, target });
      setErrors(result.ok ? {} : (result.error.fieldErrors ?? {}));
      if (!result.ok) return setMessage({ kind: "error", text: result.error.message });
      setMessage({ kind: "ok", text: "Memo saved." });
      if (!memo) form.current?.reset();
      onDone?.();
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} aria-label={label} className="space-y-2 text-sm">
      <label className="block" htmlFor={`${idBase}-title`}>
        Title <span className="text-stone-600">(optional)</span>
      </label>
      <input id={`${idBase}-title`} name="title" defaultValue={memo?.title ?? ""} maxLength={MEMO_TITLE_MAX} aria-invalid={Boolean(errors.title)} className="block w-full rounded border border-stone-300 px-2 py-1 focus:outline-2 focus:outline-teal-700" />
      {errors.title && <p className="text-red-800">{errors.title.join(" ")}</p>}
      <label className="block" htmlFor={`${idBase}-body`}>
        Memo <span className="text-stone-600">(Markdown: **bold**, *italic*, lists, [links](https://example.org))</span>
      </label>
      <textarea id={`${idBase}-body`} name="body" defaultValue={memo?.body ?? ""} required rows={memo ? 6 : 4} maxLength={MEMO_BODY_MAX} aria-invalid={Boolean(errors.body)} aria-describedby={errors.body ? `${idBase}-body-error` : undefined} className="block w-full rounded border border-stone-300 px-2 py-1 font-mono focus:outline-2 focus:outline-teal-700" />
      {errors.body && <p id={`${idBase}-body-error`} className="text-red-800">{errors.body.join(" ")}</p>}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white focus:outline-2 focus:outline-offset-2 focus:outline-teal-700 disabled:opacity-60">{pending ? "Saving…" : memo ? "Save memo" : "Add memo"}</button>
        {onCancel && <button type="button" onClick={onCancel} className="text-teal-800 underline">Cancel</button>}
      </div>
      {message && <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>{message.text}</p>}
    </form>
  );
}
