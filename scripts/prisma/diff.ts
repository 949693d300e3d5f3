import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const CLI = path.join(process.cwd(), "node_modules", "prisma6", "build", "index.js");
const CONFIG = path.join(process.cwd(), "scripts", "prisma", "prisma6.config.ts");

/**
 * SQL that turns the database described by `from` (a schema file, or nothing) into the one
 * described by `to`, from Prisma 6's WebAssembly schema engine: the only Prisma diff that
 * runs offline here. It needs a reachable PostgreSQL (any scratch database) because the
 * engine talks through the pg driver adapter, and a `url` in the datasource, which Prisma 7
 * schemas no longer carry, so both schemas are copied with one added.
 */
export async function diffSchemas(opts: { from: string | null; to: string; scratchUrl: string }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-diff-"));
  try {
    const withUrl = async (file: string, name: string) => {
      const schema = await fs.readFile(file, "utf8");
      const out = path.join(dir, name);
      await fs.writeFile(out, schema.replace(/datasource\s+db\s*\{/, 'datasource db {\n  url = env("DATABASE_URL")'));
      return out;
    };
    const to = await withUrl(opts.to, "to.prisma");
    const from = opts.from ? ["--from-schema-datamodel", await withUrl(opts.from, "from.prisma")] : ["--from-empty"];
    const { stdout } = await run(
      process.execPath,
      [CLI, "migrate", "diff", "--config", CONFIG, ...from, "--to-schema-datamodel", to, "--script"],
      {
        env: {
          ...process.env,
          DATABASE_URL: opts.scratchUrl,
          // Prisma 6 checks these paths exist even though the JS engine never loads them.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
