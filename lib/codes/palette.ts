// Distinct, print-safe colours for new codes, in the order they are handed out.
export const CODE_PALETTE = ["#2563eb", "#16a34a", "#ca8a04", "#dc2626", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#4f46e5", "#0d9488", "#b45309"];

export function nextPaletteColour(used: readonly string[]): string {
  const counts = new Map(CODE_PALETTE.map((c) => [c, 0]));
  for (const colour of used) if (counts.has(colour)) counts.set(colour, counts.get(colour)! + 1);
  // The least used colour, earliest in the palette on ties.
  return [...counts.entries()].sort((a, b) => a[1] - b[1])[0][0];
}
