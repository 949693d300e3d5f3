/**
 * The look of the summaries' figure tables, set once on the table rather than on each of its
 * thousands of cells (a class list per cell was a third of the page's bytes): cells padded
 * and right-aligned with tabular figures on one line, the first column (the theme) left-aligned
 * and wide enough for a name, numbers as teal links, the "(12%)" after a number in grey, a
 * theme's colour as a small square (<i>).
 */
export const FIGURE_TABLE =
  "w-full text-sm [&_td]:whitespace-nowrap [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_tbody_th]:min-w-60 [&_tbody_th]:px-3 [&_tbody_th]:py-1.5 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-stone-100 [&_td_a]:text-teal-800 [&_td_a:hover]:underline [&_td_span]:text-stone-500 [&_th>i]:mr-2 [&_th>i]:inline-block [&_th>i]:size-2.5 [&_th>i]:rounded-sm";

export const FIGURE_HEAD = "bg-stone-50 text-left text-xs text-stone-600 [&_th]:px-3 [&_th]:py-2 [&_th+th]:text-right";

/** A theme's indent in a table, by its depth in the codebook. */
export const indent = (depth: number) => ({ paddingLeft: `${0.75 + depth * 1.25}rem` });
