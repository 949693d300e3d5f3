/**
 * sRGB colour arithmetic for highlights: parsing a code's hex colour, alpha compositing,
 * and WCAG 2.x relative luminance and contrast ratio
 * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance), which decide the text colour.
 */

export type Rgb = { r: number; g: number; b: number };

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#rgb" or "#rrggbb" (any case); null for anything else. */
export function parseHex(colour: string): Rgb | null {
  const match = HEX.exec(colour.trim());
  if (!match) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  return {
    r: parseInt(digits.slice(0, 2), 16),
    g: parseInt(digits.slice(2, 4), 16),
    b: parseInt(digits.slice(4, 6), 16),
  };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/**
 * `top` painted at `alpha` over `bottom`, rounded to whole channel values: the colour the
 * screen shows, computed here so the contrast check judges exactly what is drawn.
 */
export function composite(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  return {
    r: Math.round(top.r * alpha + bottom.r * (1 - alpha)),
    g: Math.round(top.g * alpha + bottom.g * (1 - alpha)),
    b: Math.round(top.b * alpha + bottom.b * (1 - alpha)),
  };
}

// sRGB channel (0-255) -> linear light, tabulated: a transcript styles thousands of
// segments, and the power function dominated the cost.
const LINEAR = Array.from({ length: 256 }, (_, channel) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * LINEAR[r] + 0.7152 * LINEAR[g] + 0.0722 * LINEAR[b];
}

/** From 1 (same luminance) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
