import { gzipSync } from "node:zlib";
import type { HttpSession } from "../load/http";

export type PageFigures = {
  label: string;
  href: string;
  /** "page" figures are held to the page targets; an "export" (a download) only reports. */
  kind: "page" | "export";
  status: string;
  /** Time to the last byte of the body, from this process over 127.0.0.1, ms. */
  cold: number[];
  warm: number[];
  /** The body as the server sends it without compression, and gzip (zlib, default level) of the same body. */
  bytes: number;
  gzip: number;
  /** The RSC payload a client-side navigation to the page fetches (header RSC: 1); null for downloads. */
  rsc: number | null;
  /** Markup of each <section aria-labelledby=...> in the HTML, for pages made of sections. */
  sections: { id: string; bytes: number }[];
};

type Options = {
  runs: number;
  /** A committed write, so the next view is the first after a change (the analysis cache keys on the database snapshot). */
  change: () => Promise<void>;
  timeoutMs: number;
  kind?: "page" | "export";
};

async function fetchBody(session: HttpSession, href: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: Buffer; ms: number }> {
  const t0 = performance.now();
  let response = await session.fetch(href, { headers: { "Accept-Encoding": "identity", ...headers }, timeoutMs });
  // Next may answer an RSC request whose cache-busting parameter it does not like with a redirect to the right one.
  if (response.status >= 300 && response.status < 400 && response.headers.get("location") && headers.RSC) {
    response = await session.fetch(response.headers.get("location")!, { headers: { "Accept-Encoding": "identity", ...headers }, timeoutMs });
  }
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body, ms: performance.now() - t0 };
}

/**
 * Cold samples first (a change before each), then one unmeasured view and the warm samples.
 * A request that times out or fails ends the page's sampling: the figure is then the failure.
 */
export async function measurePage(session: HttpSession, label: string, href: string, options: Options): Promise<PageFigures> {
  const figures: PageFigures = { label, href, kind: options.kind ?? "page", status: "-", cold: [], warm: [], bytes: 0, gzip: 0, rsc: null, sections: [] };
  let last: Buffer | null = null;
  const sample = async (into: number[] | null) => {
    try {
      const { status, body, ms } = await fetchBody(session, href, {}, options.timeoutMs);
      figures.status = String(status);
      if (status !== 200) return false;
      into?.push(ms);
      last = body;
      return true;
    } catch (error) {
      figures.status = error instanceof Error && error.name === "TimeoutError" ? `timeout ${options.timeoutMs / 1000} s` : `error: ${(error as Error).message}`;
      return false;
    }
  };
  for (let i = 0; i < options.runs; i++) {
    await options.change();
    if (!(await sample(figures.cold))) return figures;
  }
  if (!(await sample(null))) return figures;
  for (let i = 0; i < options.runs; i++) if (!(await sample(figures.warm))) return figures;

  const body = last as Buffer | null;
  if (body) {
    figures.bytes = body.byteLength;
    figures.gzip = gzipSync(body).byteLength;
    figures.sections = sectionsOf(body.toString("utf8"));
  }
  if (figures.kind === "page") {
    try {
      const rsc = await fetchBody(session, href, { RSC: "1" }, options.timeoutMs);
      if (rsc.status === 200) figures.rsc = rsc.body.byteLength;
    } catch {
      figures.rsc = null;
    }
  }
  return figures;
}

/** Bytes of each top-level <section aria-labelledby="..."> of the HTML (the summaries page is four). */
function sectionsOf(html: string): { id: string; bytes: number }[] {
  const found: { id: string; bytes: number }[] = [];
  const open = /<section[^>]*aria-labelledby="([^"]+)"[^>]*>/g;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    // Sections of these pages do not nest, so the next closing tag ends this one.
    const end = html.indexOf("</section>", open.lastIndex);
    if (end < 0) break;
    found.push({ id: match[1], bytes: Buffer.byteLength(html.slice(match.index, end + "</section>".length)) });
  }
  return found;
}
