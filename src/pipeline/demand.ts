/**
 * Demand for Probation Officers: the FTE required each month, given directly or derived from a
 * caseload forecast (cases, or workload points) and the capacity target per FTE.
 */
import { z } from 'zod';
import { DEFAULT_WEIGHTINGS } from '../weightings/index.js';
import { monthNumber, yearMonthSchema } from './calendar.js';

/**
 * Zod schema of a monthly figure: one number for every month, or steps `{ from, value }` in month
 * order, each holding from its month until the next (the first must start at or before the
 * projection's start).
 *
 * @example
 * ```ts
 * monthlySeriesSchema.parse([{ from: '2021-04', value: 4418 }, { from: '2022-04', value: 4600 }]);
 * ```
 */
export const monthlySeriesSchema = z.union([
  z.number().min(0, 'expected 0 or more').max(1e9, 'expected at most 1,000,000,000'),
  z
    .array(
      z.strictObject({
        /** First month the value holds, `YYYY-MM`. */
        from: yearMonthSchema,
        value: z.number().min(0, 'expected 0 or more').max(1e9, 'expected at most 1,000,000,000'),
      }),
    )
    .min(1, 'expected at least one step')
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const before = steps[i - 1];
        if (before !== undefined && step.from <= before.from) {
          ctx.addIssue({ code: 'custom', message: `months out of order: expected a month after ${before.from}`, path: [i, 'from'] });
        }
      });
    }),
]);
/** A number for every month, or `{ from: 'YYYY-MM', value }` steps in month order. */
export type MonthlySeries = z.input<typeof monthlySeriesSchema>;

/**
 * The default capacity target: a full-time PO's nominal target of workload points (2,176).
 *
 * @example
 * ```ts
 * DEFAULT_POINTS_PER_FTE; // 2176
 * ```
 */
export const DEFAULT_POINTS_PER_FTE = DEFAULT_WEIGHTINGS.nominalTarget.PO;

/**
 * Zod schema of demand: exactly one of `requiredFte` (PO FTE needed), `cases` with `casesPerFte`
 * (e.g. 50, the Committee's ceiling, or 32.5, the April 2021 average), or `points` with
 * `pointsPerFte` (default 2,176) and `targetPercent` (default 100% of available points).
 *
 * @example
 * ```ts
 * demandSchema.parse({ cases: 143_585, casesPerFte: 32.5 }); // 4,418 FTE required
 * ```
 */
export const demandSchema = z
  .strictObject({
    /** PO FTE required. */
    requiredFte: monthlySeriesSchema.optional(),
    /** Cases to hold (a caseload forecast). */
    cases: monthlySeriesSchema.optional(),
    /** Cases one full-time PO holds at target. */
    casesPerFte: z.number().positive('expected more than 0 cases per FTE').max(1000, 'expected at most 1,000 cases per FTE').optional(),
    /** Workload points to carry (a forecast in points). */
    points: monthlySeriesSchema.optional(),
    /** Available points of one full-time PO, default 2,176. */
    pointsPerFte: z.number().positive('expected more than 0 points per FTE').max(1e6, 'expected at most 1,000,000 points per FTE').optional(),
    /** Capacity % a full-time PO is planned to run at, default 100. */
    targetPercent: z.number().positive('expected a target above 0%').max(1000, 'expected a target of at most 1000%').optional(),
  })
  .superRefine((d, ctx) => {
    const given = (['requiredFte', 'cases', 'points'] as const).filter((key) => d[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `expected exactly one of requiredFte, cases or points (got ${given.length === 0 ? 'none' : given.join(' and ')})`, path: given.length === 0 ? [] : [given[1] as string] });
    }
    if (d.cases !== undefined && d.casesPerFte === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected casesPerFte with cases (e.g. 50 or 32.5)', path: ['casesPerFte'] });
    }
    if (d.cases === undefined && d.casesPerFte !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'casesPerFte applies only to cases', path: ['casesPerFte'] });
    }
    for (const key of ['pointsPerFte', 'targetPercent'] as const) {
      if (d.points === undefined && d[key] !== undefined) ctx.addIssue({ code: 'custom', message: `${key} applies only to points`, path: [key] });
    }
  });
/** Demand for PO FTE: `{ requiredFte }`, `{ cases, casesPerFte }` or `{ points, pointsPerFte?, targetPercent? }`. */
export type Demand = z.input<typeof demandSchema>;
type ParsedSeries = z.output<typeof monthlySeriesSchema>;
type ParsedDemand = z.output<typeof demandSchema>;

/** The value of a series in each of `months` months from month number `start` (steps already checked to cover it). */
export function seriesByMonth(series: ParsedSeries, start: number, months: number): Float64Array {
  const out = new Float64Array(months);
  if (typeof series === 'number') return out.fill(series);
  let step = 0;
  for (let t = 0; t < months; t++) {
    while (step + 1 < series.length && monthNumber((series[step + 1] as { from: string }).from) <= start + t) step += 1;
    out[t] = (series[step] as { value: number }).value;
  }
  return out;
}

/** The series that drives demand, whichever was given. */
export function demandSeries(demand: ParsedDemand): ParsedSeries {
  return (demand.requiredFte ?? demand.cases ?? demand.points) as ParsedSeries;
}

/** PO FTE required in each month: the series divided by what one FTE holds at target. */
export function requiredFteByMonth(demand: ParsedDemand, start: number, months: number): Float64Array {
  const perFte =
    demand.cases !== undefined
      ? (demand.casesPerFte as number)
      : demand.points !== undefined
        ? ((demand.pointsPerFte ?? DEFAULT_POINTS_PER_FTE) * (demand.targetPercent ?? 100)) / 100
        : 1;
  return seriesByMonth(demandSeries(demand), start, months).map((value) => value / perFte);
}
