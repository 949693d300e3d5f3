// Prisma 6's CLI can diff schemas with its WebAssembly schema engine, which needs no
// download; Prisma 7's CLI cannot run offline. Used only by scripts/prisma/*.
import path from "node:path";
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  earlyAccess: true,
  schema: path.join(__dirname, "../../prisma/schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unused" }),
} as never);
