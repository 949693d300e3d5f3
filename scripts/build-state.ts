import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What a production build depends on. A change to any of these means `next build` again.
const INPUTS = ["app", "components", "lib", "types", "proxy.ts", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const distDir = () => process.env.GROUNDED_DIST_DIR || ".next";
const stampFile = () => path.join(distDir(), "grounded-build-fingerprint");

export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry === "generated" || entry.startsWith(".")) continue;
        visit(path.join(relative, entry));
      }
    } else {
      hash.update(relative).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, stampFile());
  return existsSync(path.join(root, distDir(), "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export function markBuildCurrent(root = process.cwd()): void {
  writeFileSync(path.join(root, stampFile()), sourceFingerprint(root));
}
