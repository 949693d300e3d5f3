"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/live/events";

export type Present = { userId: string; name: string; where: string };
type PresenceMessage = { user: { id: string; name: string }; where: string; state: "here" | "gone"; connection: string };

/** How long a page counts as open without a fresh "here" (the server repeats it every 20 s). */
const PRESENCE_TTL_MS = 50_000;

/**
 * A page's live connection (lib/live/stream.ts over EventSource): calls `onChange` for each
 * change another member made that this reader may hear of, `onReset` when the page missed too
 * much to replay, and returns who else has a page of the project open. EventSource reconnects
 * by itself and resumes after the last event id it saw, so a dropped connection loses nothing.
 * `since` is the newest event id when the page was drawn, so changes made while it loaded come too.
 */
export function useLive(options: { projectId: string; where: string; since: string; me: string; onChange: (event: LiveEvent) => void; onReset?: () => void }) {
  const { projectId, where, since, me } = options;
  const handlers = useRef(options);
  handlers.current = options;
  const [present, setPresent] = useState<Map<string, Present & { seen: number }>>(new Map());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/projects/${projectId}/live?${new URLSearchParams({ where, after: since })}`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("change", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      if (event.actor?.id !== me) handlers.current.onChange(event);
    });
    source.addEventListener("reset", () => (handlers.current.onReset ?? (() => window.location.reload()))());
    source.addEventListener("presence", (message) => {
      const p = JSON.parse((message as MessageEvent<string>).data) as PresenceMessage;
      if (p.user.id === me) return;
      setPresent((current) => {
        const next = new Map(current);
        if (p.state === "gone") next.delete(p.connection);
        else next.set(p.connection, { userId: p.user.id, name: p.user.name, where: p.where, seen: Date.now() });
        return next;
      });
    });
    const sweep = setInterval(() => {
      setPresent((current) => {
        const fresh = [...current].filter(([, p]) => Date.now() - p.seen < PRESENCE_TTL_MS);
        return fresh.length === current.size ? current : new Map(fresh);
      });
    }, 10_000);
    return () => {
      clearInterval(sweep);
      source.close();
    };
  }, [projectId, where, since, me]);

  // One entry per person and place, however many tabs they have open.
  const people = [...new Map([...present.values()].map((p) => [`${p.userId}|${p.where}`, { userId: p.userId, name: p.name, where: p.where }])).values()];
  return { people, connected };
}
