/** Plain-text tables for the terminal. */

/** Column alignment: numbers right, text left. */
export type Align = 'left' | 'right';

/**
 * Renders rows as a fixed-width table with a header rule.
 *
 * @example
 * ```ts
 * renderTable(['id', 'cases'], [['po-1', '33']], ['left', 'right']);
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with fixed decimals and thousands separators: `fixed(2070.5, 1)` = `2,070.5`. */
export function fixed(value: number, decimals = 0): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
