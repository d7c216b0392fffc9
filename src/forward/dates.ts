/**
 * Calendar arithmetic of the forward projection: dates as whole days since 1970-01-01 (UTC, no
 * clock read), months subtracted as the OMiC service does (the day clamped to the end of a shorter
 * month), and the week of the projection a day falls in.
 */

import { dayNumber } from '../days.js';

const MS_PER_DAY = 86_400_000;

/**
 * Whole days since 1970-01-01 of a checked `YYYY-MM-DD` date.
 *
 * @example
 * ```ts
 * dayOf('1970-01-02'); // 1
 * ```
 */
export function dayOf(iso: string): number {
  return dayNumber(iso);
}

/**
 * The `YYYY-MM-DD` date of a day number (inverse of {@link dayOf}).
 *
 * @example
 * ```ts
 * isoOf(dayOf('2024-02-29')); // '2024-02-29'
 * ```
 */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months after `day` (negative: before), the day of the month clamped to
 * the end of a shorter month, as Ruby's `date - n.months` (the OMiC service's arithmetic).
 *
 * @example
 * ```ts
 * isoOf(addMonths(dayOf('2023-03-31'), -1)); // '2023-02-28'
 * isoOf(addMonths(dayOf('2024-01-15'), -15)); // '2022-10-15'
 * ```
 */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/**
 * The week of a projection starting on `startDay` in which `day` takes effect: week `w` shows the
 * state on day `startDay + 7w`, so an event on day `d` shows from week `ceil((d - startDay) / 7)`;
 * on or before the start it is already in week 0.
 *
 * @example
 * ```ts
 * // From 2021-06-26: a release on 2021-07-10 (day 14) shows from week 2, one on 2021-07-11 from week 3.
 * weekOfDay(dayOf('2021-06-26'), dayOf('2021-07-10')); // 2
 * weekOfDay(dayOf('2021-06-26'), dayOf('2021-07-11')); // 3
 * ```
 */
export function weekOfDay(startDay: number, day: number): number {
  return day <= startDay ? 0 : Math.ceil((day - startDay) / 7);
}
