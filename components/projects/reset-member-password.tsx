"use client";

import { useState, useTransition } from "react";
import { resetMemberPasswordAction } from "@/lib/account/actions";

/**
 * An owner's reset of a member's password. The temporary password is shown here once and
 * never stored in clear; the member must replace it when they next sign in.
 */
export function ResetMemberPassword({ projectId, userId, email }: { projectId: string; userId: string; email: string }) {
  const [result, setResult] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function reset() {
    if (!window.confirm(`Reset the password of ${email}? Their sessions end and they sign in with a temporary password you give them.`)) return;
    startTransition(async () => {
      const outcome = await resetMemberPasswordAction({ projectId, userId });
      setResult(outcome.ok ? { kind: "ok", text: outcome.data.temporaryPassword } : { kind: "error", text: outcome.error.message });
    });
  }

  return (
    <span className="block text-right">
      <button type="button" onClick={reset} disabled={pending} className="text-xs text-teal-800 underline disabled:opacity-60" aria-label={`Reset password of ${email}`}>
        {pending ? "Resetting…" : "Reset password"}
      </button>
      {result?.kind === "ok" && (
        <span role="status" className="mt-1 block rounded border border-amber-300 bg-amber-50 p-2 text-left text-xs text-amber-900">
          Temporary password for {email}, shown only now: <code data-testid="temporary-password" className="select-all font-mono">{result.text}</code>. Give it
          to them privately; they choose their own when they sign in.
        </span>
      )}
      {result?.kind === "error" && <span role="alert" className="mt-1 block text-left text-xs text-red-800">{result.text}</span>}
    </span>
  );
}
