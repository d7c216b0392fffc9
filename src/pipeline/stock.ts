/** The qualified stock: Probation Officers in post, their leaving rate, and other flows in and out. */
import { z } from 'zod';
import { yearMonthSchema } from './calendar.js';
import { fteSchema } from './cohort.js';
import { monthlySeriesSchema, seriesSchema } from './demand.js';
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
 * Zod schema of a one-off transfer into the PO grade: FTE joining at the end of a month (e.g. the
 * Probation Officers who came from the CRCs on 26 June 2021). The month must fall within the projection.
 *
 * @example
 * ```ts
 * transferInSchema.parse({ month: '2021-06', fte: 850 });
 * ```
 */
export const transferInSchema = z.strictObject({
  /** Month the transfer joins, `YYYY-MM`. */
  month: yearMonthSchema,
  fte: fteSchema,
});
/** `{ month, fte }`: a one-off transfer into the PO grade. */
export type TransferIn = z.input<typeof transferInSchema>;

/**
 * Zod schema of the qualified stock: opening FTE in post, the annual leaving rate (default 7.4%; a
 * number, or a series by period such as the published 12-month rates), an annual outflow from the
 * grade other than leaving (promotion to SPO, other posts; default 0), one-off transfers in, and
 * optional other inflows (re-joiners, agency workers) and outflows in FTE a month. Officers in post
 * at the start count as fully productive (none as newly qualified).
 *
 * @example
 * ```ts
 * qualifiedStockSchema.parse({ openingFte: 3900 }).leavingPercentPerYear; // 7.4
 * ```
 */
export const qualifiedStockSchema = z.strictObject({
  /** PO FTE in post at the start. */
  openingFte: fteSchema,
  /** Share leaving in a year, percent 0–100, constant or by period; default 7.4. */
  leavingPercentPerYear: seriesSchema(annualRatePercentSchema).default(DEFAULT_PO_LEAVING_PERCENT),
  /** Share leaving the grade in a year other than by leaving the service (promotion, other posts), percent; default 0. */
  otherOutflowPercentPerYear: annualRatePercentSchema.default(0),
  /** One-off transfers into the grade, in month order, each within the projection. */
  transfersIn: z.array(transferInSchema).default([]),
  /** Other FTE joining the stock each month (re-joiners, agency workers); default 0. */
  otherInflowFtePerMonth: monthlySeriesSchema.default(0),
  /** Other FTE leaving the stock each month (beyond the leaving rate); default 0. Never more than there are. */
  otherOutflowFtePerMonth: monthlySeriesSchema.default(0),
});
/** `{ openingFte, leavingPercentPerYear?, otherOutflowPercentPerYear?, transfersIn?, otherInflowFtePerMonth?, otherOutflowFtePerMonth? }`. */
export type QualifiedStock = z.input<typeof qualifiedStockSchema>;
