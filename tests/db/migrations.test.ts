import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { diffSchemas } from "../../scripts/prisma/diff";
import { describeSchema } from "./helpers/catalog";
import { createEmptyDatabase } from "./helpers/test-database";

const SCHEMA = path.join(process.cwd(), "prisma", "schema.prisma");

describe("migrations", () => {
  it("apply once, record Prisma's history, and are a no-op the second time", async () => {
    const url = await createEmptyDatabase();
    const first = await applyMigrations(url);
    const migrations = await readMigrations();
    expect(first).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("match schema.prisma exactly (fails when a model changes without a migration)", async () => {
    const migrated = await createEmptyDatabase();
    await applyMigrations(migrated);

    const fromSchema = await createEmptyDatabase();
    const sql = await diffSchemas({ from: null, to: SCHEMA, scratchUrl: fromSchema });
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(sql);
    await client.end();

    const expected = await describeSchema(fromSchema);
    const actual = await describeSchema(migrated);
    const missing = expected.filter((line) => !actual.includes(line));
    const extra = actual.filter((line) => !expected.includes(line));
    expect({ missingFromMigrations: missing, notInSchema: extra }).toEqual({ missingFromMigrations: [], notInSchema: [] });
    expect(expected.length).toBeGreaterThan(50);
  });

  it("have a schema snapshot (prisma/migrated-schema.prisma) equal to schema.prisma, for npm run db:migration", async () => {
    const snapshot = await fs.readFile(path.join(process.cwd(), "prisma", "migrated-schema.prisma"), "utf8");
    const schema = await fs.readFile(SCHEMA, "utf8");
    expect(snapshot, "run `npm run db:migration -- <name>` (or copy schema.prisma over the snapshot after writing a migration by hand)").toBe(schema);
  });

  it("refuses a migration edited after it was applied", async () => {
    const url = await createEmptyDatabase();
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await client.end();
    await expect(applyMigrations(url)).rejects.toThrow(/edited after it was applied/);
  });
});
