import { pathToFileURL } from "node:url";

/**
 * The worker process of pool.ts: loads the task table named on its command line, then
 * answers each message { task, input } with { ok, value } or { ok: false, error }. An error crosses as
 * its class name, message and own fields (an AppError's code, a file error's fileName and
 * problem), for the caller to raise again as the same kind of error.
 */
type Task = (input: never) => unknown | Promise<unknown>;

const { tasks } = (await import(pathToFileURL(process.argv[2]).href)) as { tasks: Record<string, Task> };
const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

// The server went away (stopped, or killed): so does its worker.
process.on("disconnect", () => process.exit(0));

process.on("message", async ({ task, input }: { task: string; input: never }) => {
  try {
    const run = tasks[task];
    if (!run) throw new Error(`No task named ${task}.`);
    await send({ ok: true, value: await run(input) });
  } catch (error) {
    await send({ ok: false, error: describe(error) });
  }
});

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === "function") continue;
    try {
      structuredClone(value);
      fields[key] = value;
    } catch {
      // a field that cannot cross (a socket, a class with methods) is left behind
    }
  }
  return { ...fields, name: error.name, message: error.message };
}
