import pg from "pg";
import { type LiveNotice, parseNotice, projectChannel } from "./channel";

type Listener = (notice: LiveNotice | { k: "gap" }) => void;

/**
 * This app instance's one listening connection: a dedicated node-postgres client (LISTEN
 * needs a session of its own, outside the query pool) that LISTENs on a project's channel
 * while at least one open page in this instance watches the project, and hands each
 * notification to those pages. When the connection drops, it reconnects with a growing
 * delay, LISTENs again and tells every listener "gap": they catch up from the audit log by
 * event id, so nothing sent in between is lost.
 */
export class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private retryMs = 250;
  private closed = false;
  /** node-postgres runs one query at a time per client: LISTEN, UNLISTEN and presence NOTIFYs queue here. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly connectionString: string) {}

  /** Starts delivering the project's notices to `listener`; returns the unsubscribe. */
  async subscribe(projectId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = projectChannel(projectId);
    if (!channel) throw new Error("not a project id");
    let set = this.listeners.get(channel);
    const first = !set;
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    if (first) await this.listen(channel);
    else await this.connection();
    return async () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        await this.run(`UNLISTEN "${channel}"`).catch(() => undefined);
      }
    };
  }

  /** Sends a notice to every instance watching the project (presence: not part of any transaction). */
  async publish(projectId: string, notice: LiveNotice): Promise<void> {
    const channel = projectChannel(projectId);
    if (!channel) return;
    await this.run("SELECT pg_notify($1, $2)", [channel, JSON.stringify(notice)]);
  }

  /** Channels listened to right now (for tests and diagnostics). */
  watched(): string[] {
    return [...this.listeners.keys()];
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(channel: string): Promise<void> {
    // The channel name is built from a checked id (projectChannel), so quoting it is enough.
    await this.run(`LISTEN "${channel}"`);
  }

  private run(sql: string, values?: unknown[]): Promise<unknown> {
    const next = this.queue.then(async () => (await this.connection()).query(sql, values));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      this.connecting = this.connect().finally(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "grounded-live" });
    client.on("notification", (message) => {
      const notice = parseNotice(message.payload);
      if (!notice) return;
      for (const listener of [...(this.listeners.get(message.channel) ?? [])]) listener(notice);
    });
    client.on("error", () => this.dropped(client));
    client.on("end", () => this.dropped(client));
    await client.connect();
    for (const channel of this.listeners.keys()) await client.query(`LISTEN "${channel}"`);
    this.client = client;
    this.retryMs = 250;
    return client;
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.reconnectLater();
  }

  private reconnectLater(): void {
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => {
      if (this.closed || this.listeners.size === 0) return;
      this.connection()
        .then(() => {
          for (const set of this.listeners.values()) for (const listener of [...set]) listener({ k: "gap" });
        })
        .catch(() => this.reconnectLater());
    }, delay).unref();
  }
}

const globalForHub = globalThis as unknown as { groundedLiveHub?: LiveHub };

/** The instance's hub, created on first use from DATABASE_URL like the query client. */
export function liveHub(): LiveHub {
  if (!globalForHub.groundedLiveHub) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalForHub.groundedLiveHub = new LiveHub(url);
  }
  return globalForHub.groundedLiveHub;
}
