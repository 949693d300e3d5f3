import { randomUUID } from "node:crypto";
import type { Viewer } from "../rigour/blind";
import type { LiveNotice } from "./channel";
import { eventsFor, latestEventId } from "./events";
import { liveHub } from "./hub";

/** Events re-read below the last one sent: a change whose id is lower may commit after a higher one. */
const REORDER_WINDOW = 100n;
const HEARTBEAT_MS = 15_000;
const PRESENCE_MS = 20_000;

export type LiveStreamOptions = {
  projectId: string;
  viewer: Viewer & { name: string };
  /** The Last-Event-ID a reconnecting EventSource sends, or null for a fresh page. */
  lastEventId: bigint | null;
  /** What the page shows, for presence ("document:<id>", "page:summaries"), or null. */
  where: string | null;
  signal: AbortSignal;
};

/**
 * A page's live feed as Server-Sent Events: each change the reader may hear of (lib/live/events.ts)
 * as `event: change` with the audit id as its SSE id, so the browser's EventSource resumes
 * where it left off after any drop (the catch-up reads the log, so it works across app
 * instances and restarts); `event: presence` when someone opens or leaves a page of the
 * project; `event: reset` when too much was missed to replay (the page reloads). Plain HTTP
 * with heartbeats every 15 s, so it passes proxies and load balancers.
 */
export function liveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const connection = randomUUID();
  const sent = new Set<string>();
  let last = 0n;
  let known = 0n;
  /** The newest event id notified to this stream. */
  let heard = 0n;
  let flushing: Promise<void> | null = null;
  let again = false;
  let stop: (() => Promise<void>) | null = null;
  const timers: NodeJS.Timeout[] = [];

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          // The reader has gone; the abort handler tidies up.
        }
      };
      const flush = async () => {
        const floor = last > REORDER_WINDOW ? last - REORDER_WINDOW : 0n;
        const { events, lastId, more } = await eventsFor(options.projectId, floor, options.viewer, heard, 500);
        if (more) write(`event: reset\ndata: {}\n\n`);
        for (const event of events) {
          if (sent.has(event.id) || BigInt(event.id) <= known) continue;
          sent.add(event.id);
          write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
        }
        if (lastId > last) last = lastId;
        // Keep the set to what the window can re-read.
        if (sent.size > 2000) for (const id of [...sent]) if (BigInt(id) < floor) sent.delete(id);
      };
      const requestFlush = () => {
        if (flushing) {
          again = true;
          return;
        }
        flushing = flush()
          .catch(() => write(`event: reset\ndata: {}\n\n`))
          .finally(() => {
            flushing = null;
            if (again) {
              again = false;
              requestFlush();
            }
          });
      };
      const presence = (state: "here" | "gone") =>
        options.where ? liveHub().publish(options.projectId, { k: "presence", user: { id: options.viewer.id, name: options.viewer.name }, where: options.where, state, connection }).catch(() => undefined) : Promise.resolve();

      write(`retry: 2000\n\n`);
      last = options.lastEventId ?? (await latestEventId(options.projectId));
      // Everything up to here the page already has (it was read after, or was replayed before).
      known = last;
      heard = last;
      if (options.lastEventId === null) write(`id: ${last}\nevent: ready\ndata: {}\n\n`);
      stop = await liveHub().subscribe(options.projectId, (notice: LiveNotice | { k: "gap" }) => {
        if (notice.k === "presence") {
          if (notice.connection !== connection) write(`event: presence\ndata: ${JSON.stringify({ user: notice.user, where: notice.where, state: notice.state, connection: notice.connection })}\n\n`);
          return;
        }
        if (notice.k === "audit" && BigInt(notice.id) > heard) heard = BigInt(notice.id);
        requestFlush();
      });
      if (options.lastEventId !== null) requestFlush();
      await presence("here");
      timers.push(setInterval(() => write(`: ping\n\n`), HEARTBEAT_MS));
      timers.push(setInterval(() => void presence("here"), PRESENCE_MS));
      options.signal.addEventListener("abort", () => {
        for (const timer of timers) clearInterval(timer);
        void presence("gone");
        void stop?.();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      for (const timer of timers) clearInterval(timer);
      void stop?.();
    },
  });
}
