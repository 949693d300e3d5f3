"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "@/lib/account/actions";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("confirmPassword")) {
      setMessage({ kind: "error", text: "The new password and its confirmation differ." });
      return;
    }
    startTransition(async () => {
      const result = await changePasswordAction({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
      if (result.ok) {
        const others = result.data.otherSessionsEnded;
        setMessage({ kind: "ok", text: `Password changed.${others > 0 ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}` });
        formElement.reset();
        router.refresh();
      } else {
        const details = Object.values(result.error.fieldErrors ?? {}).flat().join(" ");
        setMessage({ kind: "error", text: `${result.error.message} ${details}`.trim() });
      }
    });
  }

  const input = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";
  return (
    <form onSubmit={onSubmit} className="mt-4 max-w-sm space-y-3 text-sm" aria-label="Change your password">
      <label className="block">
        <span className="font-medium">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={input} />
      </label>
      <label className="block">
        <span className="font-medium">New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} className={input} />
      </label>
      <label className="block">
        <span className="font-medium">New password again</span>
        <input name="confirmPassword" type="password" autoComplete="new-password" required minLength={minLength} className={input} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-teal-800 px-3 py-1.5 text-white disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-red-800" : "text-teal-800"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
