/**
 * Backtest: the projection from a start date set against an observed series (e.g. the published PO
 * FTE in post) at each observed month: projected, observed, error and % error, with the mean absolute
 * % error (MAPE) and mean bias, and which inputs were record, fitted or assumed.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { monthName, monthNumber, yearMonthSchema } from './calendar.js';
import { fteSchema } from './cohort.js';
import { projectTimeline, type WorkforceProjection } from './projection.js';
import { parseScenario, timelineOf, type ParsedWorkforceScenario, type WorkforceScenario } from './scenario.js';
import { deepFreeze } from '../freeze.js';

/**
 * Zod schema of an observed series: FTE at the end of given months, in month order, each month
 * once, at least one.
 *
 * @example
 * ```ts
 * observedSeriesSchema.parse([{ month: '2021-03', fte: 3539 }, { month: '2021-09', fte: 4287 }]);
 * ```
 */
export const observedSeriesSchema = z
  .array(z.strictObject({ month: yearMonthSchema, fte: fteSchema }))
  .min(1, 'expected at least one observed value (the series is empty)')
  .superRefine((points, ctx) => {
    points.forEach((point, i) => {
      const before = points[i - 1];
      if (before === undefined) return;
      if (point.month === before.month) ctx.addIssue({ code: 'custom', message: `duplicate month: ${point.month} is already at [${i - 1}]`, path: [i, 'month'] });
      else if (point.month < before.month) ctx.addIssue({ code: 'custom', message: `months out of order: expected a month after ${before.month}`, path: [i, 'month'] });
    });
  });
/** `[{ month: 'YYYY-MM', fte }]`, FTE at the end of each month. */
export type ObservedSeries = z.input<typeof observedSeriesSchema>;

/** Where an input of a backtest comes from: the published record, a calibration, or an assumption. */
export const INPUT_SOURCES = deepFreeze(['record', 'fitted', 'assumption'] as const);

/**
 * Zod schema of one input's provenance in a backtest.
 *
 * @example
 * ```ts
 * inputProvenanceSchema.parse({ input: 'qualified.openingFte', source: 'record', reference: '3,539 FTE at 31 March 2021' });
 * ```
 */
export const inputProvenanceSchema = z.strictObject({
  /** Path of the input in the workforce scenario, e.g. `qualified.openingFte`. */
  input: z.string().min(1, 'expected the input path'),
  source: z.enum(INPUT_SOURCES),
  reference: z.string().default(''),
});
/** `{ input, source: 'record' | 'fitted' | 'assumption', reference? }`. */
export type InputProvenance = z.input<typeof inputProvenanceSchema>;

/** One observed month set against the projection, FTE at the end of the month. */
export interface BacktestRow {
  readonly month: string;
  readonly projected: number;
  readonly observed: number;
  /** projected - observed. */
  readonly error: number;
  /** 100 x error / observed; `null` when observed is 0. */
  readonly percentError: number | null;
  /** True for the opening month (the month before the start), where the projection starts from the record. */
  readonly opening: boolean;
}

/** A backtest: the rows, and over the rows after the opening, MAPE and mean bias. */
export interface WorkforceBacktest {
  readonly start: string;
  readonly rows: readonly BacktestRow[];
  /** Rows after the opening counted in the summary. */
  readonly points: number;
  /** Mean absolute % error over those rows, percent; `null` when there are none (or an observed 0). */
  readonly mape: number | null;
  /** Mean of projected - observed over those rows, FTE (positive: the model runs high). */
  readonly meanBias: number | null;
  /** Which inputs came from the record, which were fitted, which assumed (as given). */
  readonly inputs: readonly z.output<typeof inputProvenanceSchema>[];
}

/**
 * Checks that every observed month lies in the projection or is its opening (the month before the
 * start), or throws `INVALID_INPUT` naming `name[i].month`.
 */
export function assertObservedWithin(observed: z.output<typeof observedSeriesSchema>, s: ParsedWorkforceScenario, name: string): void {
  const first = monthName(monthNumber(s.start) - 1);
  const last = monthName(monthNumber(s.start) + s.months - 1);
  observed.forEach((point, i) => {
    if (point.month < first || point.month > last) {
      throw new WorkloadError('INVALID_INPUT', `${name}[${i}].month: expected a month from the opening (${first}) to the last projected month (${last})`, { path: `${name}[${i}].month` });
    }
  });
}

/** In-post FTE of a projection at the end of `month` (the opening for the month before the start). */
export function inPostAt(projection: WorkforceProjection, start: number, month: string): number {
  const t = monthNumber(month) - start;
  return t < 0 ? projection.opening.inPost : (projection.rows[t]?.inPost as number);
}

/** Trusted core of {@link backtestWorkforce}: the rows and their summary. */
export function backtestOf(
  projection: WorkforceProjection,
  observed: readonly { readonly month: string; readonly fte: number }[],
  inputs: readonly z.output<typeof inputProvenanceSchema>[],
): WorkforceBacktest {
  const start = monthNumber(projection.start);
  const rows = observed.map((point): BacktestRow => {
    const projected = inPostAt(projection, start, point.month);
    const error = projected - point.fte;
    return { month: point.month, projected, observed: point.fte, error, percentError: point.fte === 0 ? null : (100 * error) / point.fte, opening: monthNumber(point.month) < start };
  });
  const counted = rows.filter((r) => !r.opening);
  const n = counted.length;
  const anyZero = counted.some((r) => r.percentError === null);
  return {
    start: projection.start,
    rows,
    points: n,
    mape: n === 0 || anyZero ? null : counted.reduce((sum, r) => sum + Math.abs(r.percentError as number), 0) / n,
    meanBias: n === 0 ? null : counted.reduce((sum, r) => sum + r.error, 0) / n,
    inputs,
  };
}

/**
 * Runs the projection of `scenario` and sets its PO FTE in post against `observed` at each observed
 * month: projected, observed, error and % error, and over the months after the opening the MAPE and
 * mean bias. The opening month (the month before the start) is shown but not counted: the projection
 * starts from it. `inputs` says which inputs were record, fitted or assumed, and comes back with the result.
 *
 * @example
 * ```ts
 * const b = backtestWorkforce(
 *   { start: '2021-04', months: 12, training: { dropOutPercentPerYear: 0 }, qualified: { openingFte: 1000 }, demand: { requiredFte: 1000 } },
 *   [{ month: '2021-03', fte: 1000 }, { month: '2022-03', fte: 900 }],
 * );
 * b.rows[1]?.projected; // 926: 1,000 x (1 - 0.074)
 * b.mape; // 2.89 (|926 - 900| / 900)
 * ```
 */
export function backtestWorkforce(scenario: WorkforceScenario, observed: ObservedSeries, inputs: readonly InputProvenance[] = []): WorkforceBacktest {
  const s = parseScenario(scenario);
  const points = parseInput(observedSeriesSchema, observed, 'observed');
  const provenance = parseInput(z.array(inputProvenanceSchema), inputs, 'inputs');
  assertObservedWithin(points, s, 'observed');
  return backtestOf(projectTimeline(timelineOf(s)), points, provenance);
}
