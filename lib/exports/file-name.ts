/**
 * A download's file name from what it holds ("codings-Cost of tools.xlsx" becomes
 * "codings-Cost-of-tools.xlsx"): letters without their accents, digits, dots, dashes and
 * underscores only, so that every operating system, mail client and archive tool keeps it as
 * it is, and nothing in it can break out of the Content-Disposition header.
 */
export function safeFileName(base: string, extension: string): string {
  const safe = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80)
    .replace(/[-.]+$/, "");
  return `${safe || "export"}.${extension}`;
}

/** The Content-Disposition of a download named `fileName` (already safe, see safeFileName). */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
