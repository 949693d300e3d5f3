import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { RefiFileError } from "../../../lib/interop/refi/errors";
import { resolveLimits } from "../../../lib/interop/refi/limits";
import { PoolLimit, WorkerPool } from "../../../lib/workers/pool";
import { parseInWorker } from "../../../lib/workers/parse";
import { deepXml } from "../../fixtures/hostile/make";

const testTasks = path.resolve("tests/unit/workers/test-tasks.ts");
const parseTasks = path.resolve("lib/workers/parse-tasks.ts");
const pools: WorkerPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) => {
  const made = new WorkerPool({ tasksModule: testTasks, size: 1, maxQueue: 4, memoryMb: 64, seconds: 5, ...options });
  pools.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

// Counts how often the main thread's event loop turns while `work` runs: > 0 means the server could answer.
async function whileAnswering<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 20);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { result, ticks };
}

describe("the parse worker pool", () => {
  it("runs a task in a worker, and a refusal comes back as the same kind of error", async () => {
    const p = pool();
    await expect(p.run("echo", { bytes: new Uint8Array(1000), text: "hi" })).resolves.toEqual({ length: 1000, text: "HI" });
    const refused = await parseInWorker("qdc", { fileName: "deep.qdc", bytes: deepXml(5000), limits: resolveLimits() }, { fileName: "deep.qdc", pool: new WorkerPool({ tasksModule: parseTasks, size: 1, maxQueue: 1, memoryMb: 256, seconds: 30 }) }).catch((e) => e);
    expect(refused).toBeInstanceOf(RefiFileError);
    expect(refused.message).toMatch(/^deep\.qdc: the file nests elements more than 256 deep/);
  });

  it("a task that eats memory costs its worker, not the process: refused with the memory limit named", async () => {
    const p = pool({ memoryMb: 48 });
    const { result, ticks } = await whileAnswering(p.run("hog", {}));
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(PoolLimit);
    expect(error).toMatchObject({ kind: "memory", limit: 48 });
    expect(ticks).toBeGreaterThan(0);
    // The next task gets a fresh worker.
    await expect(p.run("echo", { bytes: new Uint8Array(1), text: "after" })).resolves.toEqual({ length: 1, text: "AFTER" });
  });

  it("a task that never ends is stopped at its deadline, and the server answered meanwhile", async () => {
    const p = pool({ seconds: 2 });
    const { result, ticks } = await whileAnswering(p.run("spin", {}));
    expect((result as PromiseRejectedResult).reason).toMatchObject({ kind: "time", limit: 2 });
    expect(ticks).toBeGreaterThan(0);
    expect(p.workers).toBe(0);
  });

  it("runs at most `size` tasks at once, queues a few more, and refuses beyond the queue", async () => {
    const p = pool({ size: 1, maxQueue: 1, seconds: 1 });
    const first = p.run("spin", {});
    const second = p.run("spin", {});
    await expect(p.run("echo", { bytes: new Uint8Array(1), text: "x" })).rejects.toMatchObject({ kind: "busy" });
    expect(p.workers).toBe(1);
    await expect(first).rejects.toMatchObject({ kind: "time" });
    await expect(second).rejects.toMatchObject({ kind: "time" });
  });

  it("turns the pool's limits into messages for the person who uploaded the file", async () => {
    const hog = new WorkerPool({ tasksModule: parseTasks, size: 1, maxQueue: 1, memoryMb: 32, seconds: 60 });
    pools.push(hog);
    // 40 MB of one-line text: its transcript (text, turns, a copy normalized) does not fit in 32 MB.
    const text = new TextEncoder().encode(`Interviewer: ${"word ".repeat(8 * 1024 * 1024)}`);
    const error = await parseInWorker("transcript", { fileName: "long.txt", bytes: text }, { fileName: "long.txt", pool: hog }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(error.message).toMatch(/^long\.txt: the file needs more memory to read than the server allows \(limit 32 MB\)/);

    const slow = new WorkerPool({ tasksModule: testTasks, size: 1, maxQueue: 1, memoryMb: 64, seconds: 1 });
    pools.push(slow);
    const late = await parseInWorker("transcript", { fileName: "slow.txt", bytes: new Uint8Array(1) }, { fileName: "slow.txt", pool: slow }).catch((e) => e);
    expect(late.message).toMatch(/No task named transcript|took longer/);
  });
});
