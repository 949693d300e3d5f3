/** How each kind of adjudication decision is named on the pages. */
export const KIND_LABELS = {
  accept_a: "accept A",
  accept_b: "accept B",
  accept_both: "accept both",
  merge: "merge boundaries",
  custom: "new span",
  reject: "neither",
} as const;
