/** The qualified stock: Probation Officers in post, their leaving rate, and other flows in and out. */
import { z } from 'zod';
import { fteSchema } from './cohort.js';
import { monthlySeriesSchema } from './demand.js';
import { annualRatePercentSchema } from './rates.js';

/**
 * Probation Officers' leaving rate, percent a year: 7.4% in the 12 months to June 2023 (HMPPS
 * workforce statistics; 7.8% to September 2024).
 *
 * @example
 * ```ts
 * DEFAULT_PO_LEAVING_PERCENT; // 7.4
 * ```
 */
export const DEFAULT_PO_LEAVING_PERCENT = 7.4;

/**
 * Zod schema of the qualified stock: opening FTE in post, the annual leaving rate (default 7.4%),
 * and optional other inflows (re-joiners, agency workers) and outflows (e.g. promotions, transfers)
 * in FTE a month. Officers in post at the start count as fully productive (none as newly qualified).
 *
 * @example
 * ```ts
 * qualifiedStockSchema.parse({ openingFte: 3900 }).leavingPercentPerYear; // 7.4
 * ```
 */
export const qualifiedStockSchema = z.strictObject({
  /** PO FTE in post at the start. */
  openingFte: fteSchema,
  /** Share leaving in a year, percent 0–100; default 7.4. */
  leavingPercentPerYear: annualRatePercentSchema.default(DEFAULT_PO_LEAVING_PERCENT),
  /** Other FTE joining the stock each month (re-joiners, agency workers); default 0. */
  otherInflowFtePerMonth: monthlySeriesSchema.default(0),
  /** Other FTE leaving the stock each month (beyond the leaving rate); default 0. Never more than there are. */
  otherOutflowFtePerMonth: monthlySeriesSchema.default(0),
});
/** `{ openingFte, leavingPercentPerYear?, otherInflowFtePerMonth?, otherOutflowFtePerMonth? }`. */
export type QualifiedStock = z.input<typeof qualifiedStockSchema>;
