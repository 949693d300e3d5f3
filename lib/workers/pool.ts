import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * A few worker processes that run tasks with a hard memory limit (--max-old-space-size) and
 * a deadline (killed on timeout), so a task that runs away costs its worker, never the
 * server: the server keeps answering requests while it runs, and when it is stopped the
 * worker is thrown away and a fresh one started for the next task. At most `size` workers
 * run at once; further tasks wait in a queue of at most `maxQueue`, beyond which they are
 * refused at once (PoolLimit "busy") rather than piling up uploads in memory. Idle workers
 * are ended after a while, so an idle server holds none.
 *
 * Processes, not worker_threads: a worker thread's resourceLimits cannot hold one large
 * allocation (a 40 MB string in a 32 MB worker): Node gives the thread 16 MB of leeway to
 * stop, and past that V8 aborts the whole process with "JavaScript heap out of memory"
 * (tests/unit/workers/pool.test.ts has the file that did it). A child process that runs
 * out of memory dies alone. Workers run TypeScript through tsx (--import tsx) from the
 * project's folder, the same in `next start` (scripts/start.ts), in scripts and in Vitest.
 */
export type PoolOptions = {
  /** Absolute path of the module exporting `tasks: Record<string, (input) => output>`. */
  tasksModule: string;
  size: number;
  maxQueue: number;
  memoryMb: number;
  seconds: number;
  idleMs?: number;
};

export type PoolLimitKind = "memory" | "time" | "crash" | "busy";

/** A task stopped by the pool, not by its own code. */
export class PoolLimit extends Error {
  constructor(
    readonly kind: PoolLimitKind,
    message: string,
    /** The limit that stopped it: megabytes for "memory", seconds for "time". */
    readonly limit?: number,
  ) {
    super(message);
    this.name = "PoolLimit";
  }
}

/** An error thrown by the task's own code, as it crossed from the worker: its class name and own fields. */
export class TaskError extends Error {
  constructor(readonly data: { name: string; message: string; [field: string]: unknown }) {
    super(data.message);
    this.name = "TaskError";
  }
}

type Job = { task: string; input: unknown; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Slot = { worker: ChildProcess; busy: boolean; idle?: NodeJS.Timeout; stderr: string };

const root = () => process.cwd();
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/i;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];

  constructor(private readonly options: PoolOptions) {}

  /** Runs `task` on `input` in a worker; input and answer are copied (structured clone) across. */
  run<T>(task: string, input: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { task, input, resolve: resolve as (value: unknown) => void, reject };
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.options.size ? this.spawn() : null);
      if (slot) return this.start(slot, job);
      if (this.queue.length >= this.options.maxQueue) {
        return reject(new PoolLimit("busy", "The server is reading too many files right now."));
      }
      this.queue.push(job);
    });
  }

  /** Workers running now (for tests and figures). */
  get workers(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.idle) clearTimeout(slot.idle);
      slot.worker.kill("SIGKILL");
    }
  }

  private spawn(): Slot {
    // Called through Reflect.apply with a path made at run time: a bundler that sees fork("x.ts")
    // takes x.ts for a module of the bundle (Turbopack does), while the worker runs it from source.
    const entry = [root(), "lib", "workers", "worker-entry.ts"].join(path.sep);
    const worker: ChildProcess = Reflect.apply(fork, undefined, [
      entry,
      [this.options.tasksModule],
      {
        cwd: root(),
        execArgv: ["--import", "tsx", `--max-old-space-size=${this.options.memoryMb}`, "--stack-size=2000"],
        serialization: "advanced",
        stdio: ["ignore", "inherit", "pipe", "ipc"],
      },
    ]);
    const slot: Slot = { worker, busy: false, stderr: "" };
    // Kept to tell why it died (V8's out-of-memory report is pages long: not passed on to the log).
    worker.stderr!.on("data", (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString()).slice(-4000);
    });
    // One that dies while idle is forgotten; a busy one's death is its task's (start).
    worker.once("exit", () => {
      if (!slot.busy) this.forget(slot);
    });
    this.slots.push(slot);
    this.hold(slot, false);
    return slot;
  }

  // A busy worker keeps a script (the CLI importers) alive until its answer arrives; an idle one does not.
  private hold(slot: Slot, busy: boolean): void {
    const handles = [slot.worker, slot.worker.channel, slot.worker.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const handle of handles) {
      if (busy) handle?.ref();
      else handle?.unref();
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = true;
    if (slot.idle) clearTimeout(slot.idle);
    const { worker } = slot;
    this.hold(slot, true);
    let settled = false;
    const finish = (outcome: () => void, keepWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (keepWorker) this.release(slot);
      else this.discard(slot);
      outcome();
    };
    const onMessage = (message: { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } }) =>
      finish(() => (message.ok ? job.resolve(message.value) : job.reject(new TaskError(message.error))), true);
    const onError = (error: Error) => finish(() => job.reject(new PoolLimit("crash", error.message)), false);
    // Its stderr may still be arriving when it exits: read it once the pipe has closed.
    const onExit = (code: number | null, signal: string | null) => {
      const judge = () =>
        finish(
          () =>
            job.reject(
              OUT_OF_MEMORY.test(slot.stderr)
                ? new PoolLimit("memory", `needed more than ${this.options.memoryMb} MB`, this.options.memoryMb)
                : new PoolLimit("crash", `the worker stopped (${signal ?? `exit code ${code}`}): ${slot.stderr.trim().slice(-500)}`),
            ),
          false,
        );
      if (worker.stderr && !worker.stderr.readableEnded) worker.stderr.once("close", judge);
      else judge();
    };
    const timer = setTimeout(() => finish(() => job.reject(new PoolLimit("time", `took more than ${this.options.seconds} s`, this.options.seconds)), false), this.options.seconds * 1000);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    try {
      worker.send({ task: job.task, input: job.input });
    } catch (error) {
      finish(() => job.reject(error as Error), true);
    }
  }

  // The next queued task gets the worker; with none waiting it idles, unref'd, until ended.
  private release(slot: Slot): void {
    slot.busy = false;
    this.hold(slot, false);
    const next = this.queue.shift();
    if (next) return this.start(slot, next);
    slot.idle = setTimeout(() => {
      if (!slot.busy) this.discard(slot);
    }, this.options.idleMs ?? 30_000);
    slot.idle.unref();
  }

  // A stopped, crashed or idle worker is ended and forgotten; a queued task gets a fresh one.
  private discard(slot: Slot): void {
    this.forget(slot);
    if (slot.worker.exitCode === null && slot.worker.signalCode === null) slot.worker.kill("SIGKILL");
    const next = this.queue.shift();
    if (next) this.start(this.spawn(), next);
  }

  private forget(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (slot.idle) clearTimeout(slot.idle);
  }
}
