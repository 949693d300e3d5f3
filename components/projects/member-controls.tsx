"use client";

import { useState, useTransition } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/projects/actions";

type Role = "owner" | "analyst" | "viewer";
type Props = { projectId: string; member: { id: string; name: string; role: Role }; isMe: boolean };

/** An owner's controls on one member: their role, and taking them off the project (confirmed). */
export function MemberControls({ projectId, member, isMe }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const who = isMe ? "yourself" : member.name;

  const run = (call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) =>
    startTransition(async () => {
      const result = await call();
      setError(result.ok ? null : result.error.message);
    });

  return (
    <span className="inline-flex items-center gap-2">
      <select
        aria-label={`Role of ${member.name}`}
        value={member.role}
        disabled={pending}
        onChange={(e) => {
          const role = e.target.value as Role;
          run(() => changeMemberRoleAction({ projectId, userId: member.id, role }));
        }}
        className="rounded border border-stone-300 px-1 py-0.5 text-xs"
      >
        <option value="owner">owner</option>
        <option value="analyst">analyst</option>
        <option value="viewer">viewer</option>
      </select>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Remove ${who} from this project? Their codings and memos stay in the study; they lose access at once.`)) {
            run(async () => {
              const result = await removeMemberAction({ projectId, userId: member.id });
              // Without membership this page is gone for you: back to your projects.
              if (result.ok && isMe) window.location.assign("/projects");
              return result;
            });
          }
        }}
        className="text-xs text-red-800 underline disabled:opacity-60"
      >
        Remove<span className="sr-only"> {member.name}</span>
      </button>
      {error && <span role="alert" className="text-xs text-red-800">{error}</span>}
    </span>
  );
}
