/** Calendar days of allocation: dates as whole days since 1970-01-01 (UTC; no clock read). Internal. */

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 of a checked `YYYY-MM-DD` date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}
