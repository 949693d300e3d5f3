/**
 * How figures are written, one way everywhere (page, report export, charts): shares as
 * percentages rounded half up ("88%"), counts with thousands separators ("1,234"), and the
 * fraction behind a share ("123 of 140") so the reader can check the percentage.
 */

export function formatPercent(value: number, decimals = 0): string {
  // Rounding on the scaled integer: (0.885 * 100).toFixed(0) would say 88 because 88.5 is 88.49999... in binary.
  const scaled = Math.round(Number((value * 100 * 10 ** decimals).toPrecision(12))) / 10 ** decimals;
  return `${scaled.toFixed(decimals)}%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatFraction(numerator: number, denominator: number): string {
  return `${formatCount(numerator)} of ${formatCount(denominator)}`;
}
