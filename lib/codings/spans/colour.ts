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
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * `top` painted at `alpha` over `bottom`, rounded to whole channel values: the colour the
 * screen shows, computed here so the contrast check judges exactly what is drawn.
 */
export function composite(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  const mix = (t: number, u: number) => Math.round(t * alpha + u * (1 - alpha));
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b) };
}

export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** From 1 (same luminance) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
