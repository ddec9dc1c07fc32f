/**
 * WCAG 2.2 contrast from the colours Chromium computes (`getComputedStyle(...).color`, `rgb(r, g, b)` or
 * `rgba(r, g, b, a)`): relative luminance, the ratio of two colours, and a translucent colour laid over
 * what is behind it. https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** An sRGB colour with 0–255 channels and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A colour string the test could not read (Chromium gave another syntax). */
export class ColourParseError extends Error {
  readonly code = 'COLOUR_UNREADABLE';
  constructor(readonly value: string) {
    super(`not an rgb()/rgba() colour: ${value}`);
    this.name = 'ColourParseError';
  }
}

/**
 * Reads a computed colour.
 *
 * @example
 * parseColour('rgba(13, 17, 23, 0.5)'); // { r: 13, g: 17, b: 23, a: 0.5 }
 */
export function parseColour(value: string): Rgba {
  const found = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!found) throw new ColourParseError(value);
  const alpha = found[4] === undefined ? 1 : found[4].endsWith('%') ? Number.parseFloat(found[4]) / 100 : Number(found[4]);
  return { r: Number(found[1]), g: Number(found[2]), b: Number(found[3]), a: alpha };
}

/**
 * `top` painted over the opaque `bottom` (source-over): what the eye sees.
 *
 * @example
 * over(parseColour('rgba(0, 0, 0, 0.5)'), parseColour('rgb(255, 255, 255)')); // { r: 127.5, g: 127.5, b: 127.5, a: 1 }
 */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number): number => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/**
 * Relative luminance, 0 (black) to 1 (white).
 *
 * @example
 * luminance(parseColour('rgb(255, 255, 255)')); // 1
 */
export function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * The contrast ratio of two opaque colours, 1 to 21.
 *
 * @example
 * contrast(parseColour('rgb(0, 0, 0)'), parseColour('rgb(255, 255, 255)')); // 21
 */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The background an element's text sits on: its own and its ancestors' background colours, innermost
 * first as `getComputedStyle` gives them, laid over each other from the outermost (over white, the
 * canvas when nothing is opaque).
 *
 * @example
 * backdrop(['rgba(0, 0, 0, 0)', 'rgb(13, 17, 23)']); // { r: 13, g: 17, b: 23, a: 1 }
 */
export function backdrop(innermostFirst: readonly string[]): Rgba {
  let seen: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (let i = innermostFirst.length - 1; i >= 0; i--) seen = over(parseColour(innermostFirst[i] as string), seen);
  return seen;
}
