/**
 * Text widths for headless Vega. Without a canvas, Vega guesses every character at 0.8 em, which
 * truncates labels and leaves wide margins; the charts are set in Liberation Sans (metric-compatible
 * with Arial and Helvetica), whose advance widths are fixed, so the layout can be measured exactly.
 */

/** Advance widths in 1/1000 em of the printable ASCII characters (space to `~`), regular then bold. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/** Characters beyond ASCII that the report writes (en dash, curly quotes, pound, ellipsis); others count as a digit. */
const OTHER: Readonly<Record<string, readonly [number, number]>> = { '–': [556, 556], '“': [333, 500], '”': [333, 500], '’': [222, 278], '£': [556, 556], '…': [1000, 1000] };
const DIGIT = 556;

/** The parts of a Vega text item that set its width. */
export interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  /** Most pixels the text may take before Vega truncates it (0 or absent: no limit). */
  readonly limit?: number;
}

/**
 * Width in pixels of `text` set in Liberation Sans at the item's size and weight (default 11 px,
 * regular), capped at the item's `limit` as Vega would truncate it. Deterministic.
 *
 * @example
 * ```ts
 * textWidth({ fontSize: 10 }, 'London'); // 33.36
 * textWidth({ fontSize: 10, fontWeight: 'bold' }, 'London'); // 36.66
 * ```
 */
export function textWidth(item: TextItem, text: unknown): number {
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of String(text ?? '').trim()) {
    const code = ch.charCodeAt(0);
    units += code >= 32 && code < 127 ? (table[code - 32] ?? DIGIT) : (OTHER[ch]?.[bold ? 1 : 0] ?? DIGIT);
  }
  const width = (units * (item.fontSize ?? 11)) / 1000;
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
