"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

export type Message = { kind: "ok" | "error"; text: string } | null;

/**
 * Runs a server action in a transition and keeps what happened as a message for a
 * role="status"/"alert" line: the refusal's own words, with any field errors after them.
 */
export function useAction() {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  function run<T>(action: () => Promise<ActionResult<T>>, ok: (data: T) => string) {
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) setMessage({ kind: "ok", text: ok(result.data) });
        else setMessage({ kind: "error", text: `${result.error.message} ${Object.values(result.error.fieldErrors ?? {}).flat().join(" ")}`.trim() });
      } catch {
        setMessage({ kind: "error", text: "The server could not be reached; nothing was changed. Try again." });
      }
    });
  }
  return { pending, message, setMessage, run };
}

export function MessageLine({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={`text-sm ${message.kind === "error" ? "text-red-800" : "text-teal-800"}`}>
      {message.text}
    </p>
  );
}
