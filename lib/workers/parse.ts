import path from "node:path";
import { AppError } from "../errors";
import { BackupFileError } from "../interop/backup/errors";
import { UPLOAD_LIMITS } from "../interop/limits";
import { RefiFileError } from "../interop/refi/errors";
import { PoolLimit, TaskError, WorkerPool } from "./pool";
import type { ParseTask, ParseTasks } from "./parse-tasks";

/**
 * Reads an uploaded file in the parse worker (parse-tasks.ts) within the limits of
 * lib/interop/limits.ts, and turns what stopped it into a message for the person who
 * uploaded it. The pool is kept on globalThis, like the Prisma client, so every route
 * bundle of the server shares one pool and one cap on the workers.
 */
type Refuse = (problem: string) => Error;

type Holder = { groundedParsePool?: WorkerPool };

export function parsePool(): WorkerPool {
  return ((globalThis as Holder).groundedParsePool ??= new WorkerPool({
    tasksModule: path.join(process.cwd(), "lib", "workers", "parse-tasks.ts"),
    size: UPLOAD_LIMITS.parseWorkers,
    maxQueue: 32,
    memoryMb: UPLOAD_LIMITS.parseWorkerMb,
    seconds: UPLOAD_LIMITS.parseSeconds,
  }));
}

export async function parseInWorker<T extends ParseTask>(
  task: T,
  input: Parameters<ParseTasks[T]>[0],
  options: { fileName: string; refuse?: Refuse; pool?: WorkerPool },
): Promise<Awaited<ReturnType<ParseTasks[T]>>> {
  const refuse = options.refuse ?? ((problem: string) => new AppError("VALIDATION", `${options.fileName}: ${problem}`));
  try {
    return await (options.pool ?? parsePool()).run<Awaited<ReturnType<ParseTasks[T]>>>(task, input);
  } catch (error) {
    throw asRaised(error, refuse);
  }
}

function asRaised(error: unknown, refuse: Refuse): Error {
  if (error instanceof TaskError) return revive(error.data);
  if (!(error instanceof PoolLimit)) return error as Error;
  switch (error.kind) {
    case "memory":
      return refuse(`the file needs more memory to read than the server allows (limit ${error.limit} MB), so it was not imported. Split it into smaller files, or ask the server's administrator to raise GROUNDED_PARSE_WORKER_MB.`);
    case "time":
      return refuse(`reading the file took longer than ${error.limit} s, the server's limit, so it was not imported. Split it into smaller files, or ask the server's administrator to raise GROUNDED_PARSE_SECONDS.`);
    case "busy":
      return new AppError("RATE_LIMITED", "The server is reading many uploaded files right now. Try again in a minute.");
    case "crash":
      console.error("[grounded] a parse worker stopped:", error.message);
      return refuse("the file could not be read (the reader stopped unexpectedly), so it was not imported.");
  }
}

// The error as the task's own code raised it, of the same class where the class carries meaning.
function revive(data: TaskError["data"]): Error {
  const { name, message, code, fileName, problem, fieldErrors } = data as unknown as Record<string, never>;
  if (name === "RefiFileError") return new RefiFileError(fileName, problem);
  if (name === "BackupFileError") return new BackupFileError(fileName, problem);
  if (code && typeof code === "string") return new AppError(code, message, fieldErrors);
  return new Error(message);
}
