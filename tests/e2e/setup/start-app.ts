import { spawn, type ChildProcess } from "node:child_process";
import { findFreePort } from "../../../lib/db/embedded-postgres";

export type RunningApp = { url: string; process: ChildProcess; output: () => string; stop(signal?: NodeJS.Signals): Promise<number | null> };

/** Starts the app as `npm start` does (scripts/start.ts, or npm itself) and waits until it serves. */
export async function startApp(env: Record<string, string | undefined>, options: { viaNpm?: boolean } = {}): Promise<RunningApp> {
  const port = await findFreePort();
  // viaNpm: `npm start` itself, as a user or a process manager runs it (signals then go to npm).
  const [command, args] = options.viaNpm ? ["npm", ["start"]] : [process.execPath, ["--import", "tsx", "scripts/start.ts"]];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), GROUNDED_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in 150 s:\n${output}`)), 150_000);
    const check = () => {
      if (output.includes("Grounded is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before serving:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    process: child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
