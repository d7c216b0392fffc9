/**
 * Demand for Probation Officers: the FTE required each month, given directly or derived from a
 * caseload forecast (cases, or workload points) and the capacity target per FTE.
 */
import { z } from 'zod';
import { DEFAULT_WEIGHTINGS } from '../weightings/index.js';
import { monthNumber, yearMonthSchema } from './calendar.js';

/** Zod schema of the dated form of a series: values at the end of given months, in between and after by rule. */
function datedSeriesSchema(value: z.ZodNumber) {
  return z.strictObject({
    /** Values at the end of their months, `{ month: 'YYYY-MM', value }`, in month order, each month once. */
    at: z
      .array(z.strictObject({ month: yearMonthSchema, value }))
      .min(1, 'expected at least one dated value')
      .superRefine((points, ctx) => {
        points.forEach((point, i) => {
          const before = points[i - 1];
          if (before === undefined) return;
          if (point.month === before.month) ctx.addIssue({ code: 'custom', message: `duplicate month: ${point.month} is already given at [${i - 1}]`, path: [i, 'month'] });
          else if (point.month < before.month) ctx.addIssue({ code: 'custom', message: `months out of order: expected a month after ${before.month}`, path: [i, 'month'] });
        });
      }),
    /** Between dated values: `linear` (default) or `step` (each value holds until the next). Before the first, the first holds. */
    between: z.enum(['linear', 'step']).default('linear'),
    /** Growth after the last dated value, percent a year (compounded monthly), -50 to 100; default 0. */
    growthPercentPerYear: z.number().min(-50, 'expected growth of -50% a year or more').max(100, 'expected growth of at most 100% a year').default(0),
  });
}

/**
 * Zod schema of a monthly series of figures each bounded by `value`: one number for every month;
 * steps `{ from, value }` in month order, each holding from its month until the next (the first
 * must start at or before the projection's start); or dated values `{ at: [{ month, value }],
 * between?, growthPercentPerYear? }` (end-of-month values, interpolated, then grown).
 */
export function seriesSchema(value: z.ZodNumber) {
  return z.union([
    value,
    z
      .array(
        z.strictObject({
          /** First month the value holds, `YYYY-MM`. */
          from: yearMonthSchema,
          value,
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
    datedSeriesSchema(value),
  ]);
}

/**
 * Zod schema of a monthly figure (0 to 1,000,000,000): one number for every month, steps `{ from,
 * value }` in month order, or dated end-of-month values `{ at, between?, growthPercentPerYear? }`.
 *
 * @example
 * ```ts
 * monthlySeriesSchema.parse([{ from: '2021-04', value: 4418 }, { from: '2022-04', value: 4600 }]);
 * monthlySeriesSchema.parse({ at: [{ month: '2021-03', value: 4057 }, { month: '2023-03', value: 6158 }], growthPercentPerYear: 2 });
 * ```
 */
export const monthlySeriesSchema = seriesSchema(z.number().min(0, 'expected 0 or more').max(1e9, 'expected at most 1,000,000,000'));
/** A number for every month, `{ from: 'YYYY-MM', value }` steps, or dated values `{ at, between?, growthPercentPerYear? }`. */
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
/** A parsed series of any of the three forms. */
export type ParsedSeries = z.output<typeof monthlySeriesSchema>;
type ParsedDemand = z.output<typeof demandSchema>;
type DatedSeries = Exclude<ParsedSeries, number | readonly unknown[]>;

/** The value of a series in each of `months` months from month number `start` (steps already checked to cover it). */
export function seriesByMonth(series: ParsedSeries, start: number, months: number): Float64Array {
  const out = new Float64Array(months);
  if (typeof series === 'number') return out.fill(series);
  if (!Array.isArray(series)) return datedByMonth(series, start, out);
  let step = 0;
  for (let t = 0; t < months; t++) {
    while (step + 1 < series.length && monthNumber((series[step + 1] as { from: string }).from) <= start + t) step += 1;
    out[t] = (series[step] as { value: number }).value;
  }
  return out;
}

/** Dated values by month: the first before it, linear or stepped between, grown after the last. */
function datedByMonth(series: DatedSeries, start: number, out: Float64Array): Float64Array {
  const points = series.at.map((p) => ({ t: monthNumber(p.month) - start, value: p.value }));
  const last = points[points.length - 1] as { t: number; value: number };
  const growth = Math.log1p(series.growthPercentPerYear / 100) / 12;
  let next = 0;
  for (let t = 0; t < out.length; t++) {
    while (next < points.length && (points[next] as { t: number }).t <= t) next += 1;
    const after = points[next];
    const before = points[next - 1];
    if (before === undefined) out[t] = (after as { value: number }).value;
    else if (after === undefined) out[t] = last.value * Math.exp(growth * (t - last.t));
    else if (series.between === 'step') out[t] = before.value;
    else out[t] = before.value + ((after.value - before.value) * (t - before.t)) / (after.t - before.t);
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
