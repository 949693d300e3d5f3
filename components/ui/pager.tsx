import Link from "next/link";
import type { Paged } from "@/lib/analysis/paging";

/** "Showing 201–400 of 10,020 themes", with links to the neighbouring pages (nothing when one page holds all). */
export function Pager({ paged, noun, href, testId }: { paged: Omit<Paged<unknown>, "rows">; noun: string; href: (page: number) => string; testId?: string }) {
  if (paged.pages <= 1) return null;
  const n = (x: number) => x.toLocaleString("en");
  return (
    <nav aria-label={`Pages of ${noun}`} className="mt-2 flex flex-wrap items-center gap-3 text-sm text-stone-600" data-testid={testId}>
      <span>
        Showing {n(paged.from)}–{n(paged.to)} of {n(paged.total)} {noun} (page {paged.page} of {n(paged.pages)}).
      </span>
      {paged.page > 1 && <Link href={href(paged.page - 1)} className="text-teal-800 underline">Previous</Link>}
      {paged.page < paged.pages && <Link href={href(paged.page + 1)} className="text-teal-800 underline">Next</Link>}
    </nav>
  );
}
