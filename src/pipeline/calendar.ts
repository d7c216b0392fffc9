/** Calendar months as `YYYY-MM` strings, and the month numbers the projection counts in. */
import { z } from 'zod';

/**
 * Zod schema of a calendar month, `YYYY-MM` (month 01–12).
 *
 * @example
 * ```ts
 * yearMonthSchema.parse('2021-04'); // '2021-04'
 * ```
 */
export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** A month as a count of months since January of year 0, so that months subtract. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The `YYYY-MM` of a month number. */
export function monthName(number: number): string {
  const year = Math.floor(number / 12);
  return `${String(year).padStart(4, '0')}-${String(number - year * 12 + 1).padStart(2, '0')}`;
}
