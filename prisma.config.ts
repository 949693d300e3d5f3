import { defineConfig } from "prisma/config";

// Used by `prisma generate` (Prisma 7). Migrations are applied by lib/db/migrate.ts,
// not by Prisma's CLI, because its schema engine cannot be downloaded here (see README).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
