import Link from "next/link";
import type { PageWindow } from "@/lib/analysis/paging";

/**
 * "Showing 201–400 of 10,020 themes", with links to the first, neighbouring and last pages
 * (nothing when one page holds all). Plain links: reachable by Tab, followed by Enter, and
 * each page has its own address to bookmark or share.
 */
export function Pager({ paged, noun, href, testId, place }: { paged: PageWindow; noun: string; href: (page: number) => string; testId?: string; place?: string }) {
  if (paged.pages <= 1) return null;
  const n = (x: number) => x.toLocaleString("en");
  const link = "text-teal-800 underline";
  return (
    <nav aria-label={`Pages of ${noun}${place ? ` (${place})` : ""}`} className="mt-2 flex flex-wrap items-center gap-3 text-sm text-stone-600" data-testid={testId}>
      <span>
        Showing {n(paged.from)}–{n(paged.to)} of {n(paged.total)} {noun} (page {n(paged.page)} of {n(paged.pages)}).
      </span>
      {paged.page > 2 && <Link href={href(1)} className={link} aria-label={`First page of ${noun}`}>First</Link>}
      {paged.page > 1 && <Link href={href(paged.page - 1)} rel="prev" className={link}>Previous</Link>}
      {paged.page < paged.pages && <Link href={href(paged.page + 1)} rel="next" className={link}>Next</Link>}
      {paged.page < paged.pages - 1 && <Link href={href(paged.pages)} className={link} aria-label={`Last page of ${noun} (${n(paged.pages)})`}>Last</Link>}
    </nav>
  );
}
