"use client";

import { useState, useTransition, type FormEvent } from "react";
import { inviteMemberAction } from "@/lib/projects/actions";

export function InviteMemberForm({ projectId }: { projectId: string }) {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const result = await inviteMemberAction({ projectId, email: form.get("email"), role: form.get("role") });
      if (result.ok) {
        // The server's words, identical whether or not the address has an account.
        setMessage({ kind: "ok", text: result.data.message });
        formElement.reset();
      } else {
        const details = Object.values(result.error.fieldErrors ?? {}).flat().join(" ");
        setMessage({ kind: "error", text: `${result.error.message} ${details}`.trim() });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm" aria-label="Invite a member">
      <p className="font-medium">Invite a member</p>
      <input name="email" type="email" placeholder="E-mail" aria-label="E-mail address" required className="block w-full rounded border border-stone-300 px-2 py-1" />
      <select name="role" defaultValue="analyst" aria-label="Role" className="block w-full rounded border border-stone-300 px-2 py-1">
        <option value="analyst">Analyst: reads and codes</option>
        <option value="viewer">Viewer: reads only</option>
        <option value="owner">Owner: also manages members and codebook</option>
      </select>
      <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1 text-white disabled:opacity-60">
        {pending ? "Inviting…" : "Invite"}
      </button>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
