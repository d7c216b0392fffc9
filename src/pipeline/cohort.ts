/**
 * PQiP trainee cohorts: when they start, how many (FTE), the split between the 15- and 21-month
 * routes, drop-out while training, and the protected-caseload reductions while training and newly
 * qualified.
 */
import { z } from 'zod';
import { percentSchema } from '../validate.js';
import { REDUCTION_REASON_BY_ID } from '../workload/index.js';
import { yearMonthSchema } from './calendar.js';
import { annualRatePercentSchema } from './rates.js';
import { deepFreeze } from '../freeze.js';

function allowancePercent(reason: string): number {
  return REDUCTION_REASON_BY_ID.get(reason)?.allowancePercent as number;
}

/** Largest FTE any one figure may be (a cohort, a stock, a month's demand): beyond any national workforce. */
export const MAX_FTE = 1_000_000;

/** Zod schema of a number of full-time equivalents, 0 to {@link MAX_FTE}. */
export const fteSchema = z
  .number()
  .min(0, 'expected FTE of 0 or more')
  .max(MAX_FTE, `expected FTE of at most ${MAX_FTE.toLocaleString('en-GB')}`);

/**
 * The published PQiP defaults: 15 months with a relevant level-5 qualification, 21 otherwise;
 * the live tool's reductions of 80%, 60% and 40% of contracted hours by six-month stage (taken from
 * {@link REDUCTION_REASONS}); newly qualified officers (NQOs) 20% for 9 months. The 50/50 route split
 * is an assumption: no split is published. The start lag of 1 month (an intake's start month is not a
 * month of its route: the July 2020 cohort completes the 15-month route at the end of October 2021) is
 * what fits the published record: refitted to PO FTE in post to 31 March 2023, lags of 0, 1, 2 and 3
 * months leave sums of squares of 87,902, 22,983, 20,030 and 20,020 FTE² (MAPE 2.12%, 1.05%, 1.07%,
 * 1.07%); 1 is the smallest lag that fits, and quarterly figures cannot tell 2 from 3.
 *
 * @example
 * ```ts
 * PQIP_DEFAULTS.stageReductionPercent; // [80, 60, 40]
 * ```
 */
export const PQIP_DEFAULTS = deepFreeze({
  shortRouteMonths: 15,
  longRouteMonths: 21,
  shortRoutePercent: 50,
  stageMonths: 6,
  stageReductionPercent: Object.freeze([
    allowancePercent('pqipFirst6Months'),
    allowancePercent('pqip6To12Months'),
    allowancePercent('pqip12To18Months'),
  ]),
  newlyQualifiedMonths: 9,
  newlyQualifiedReductionPercent: allowancePercent('newlyQualifiedOfficer'),
  startLagMonths: 1,
});

/**
 * Zod schema of how PQiP training runs. Only the drop-out rate is required: no official drop-out or
 * completion rate is published, so a planner states one (and a range for it in the Monte Carlo).
 * Trainees beyond the last stage (months 18–21 of the long route) keep the last stage's reduction.
 *
 * @example
 * ```ts
 * pqipTrainingSchema.parse({ dropOutPercentPerYear: 10 }).longRouteMonths; // 21
 * pqipTrainingSchema.parse({ dropOutPercentPerYear: 10 }).startLagMonths; // 1
 * ```
 */
export const pqipTrainingSchema = z
  .strictObject({
  /** Share of trainees leaving training in a year, percent 0–100; applied monthly. */
  dropOutPercentPerYear: annualRatePercentSchema,
  /** Months to qualify on the short route (relevant level-5 qualification), default 15. */
  shortRouteMonths: z.number().int('expected whole months').min(1, 'expected at least 1 month').max(60, 'expected at most 60 months').default(PQIP_DEFAULTS.shortRouteMonths),
  /** Months to qualify on the long route, default 21. */
  longRouteMonths: z.number().int('expected whole months').min(1, 'expected at least 1 month').max(60, 'expected at most 60 months').default(PQIP_DEFAULTS.longRouteMonths),
  /** Percent of each intake on the short route, default 50 (an assumption). */
  shortRoutePercent: percentSchema.default(PQIP_DEFAULTS.shortRoutePercent),
  /** Months in each reduction stage, default 6. */
  stageMonths: z.number().int('expected whole months').min(1, 'expected at least 1 month').max(60, 'expected at most 60 months').default(PQIP_DEFAULTS.stageMonths),
  /** Reduction of contracted hours in each stage, percent, default [80, 60, 40]. */
  stageReductionPercent: z
    .array(percentSchema)
    .min(1, 'expected at least one stage')
    .max(20, 'expected at most 20 stages')
    .default([...PQIP_DEFAULTS.stageReductionPercent]),
  /** Months a newly qualified officer keeps a protected caseload, default 9. */
  newlyQualifiedMonths: z.number().int('expected whole months').min(0, 'expected 0 months or more').max(60, 'expected at most 60 months').default(PQIP_DEFAULTS.newlyQualifiedMonths),
  /** Reduction of a newly qualified officer's hours, percent, default 20. */
  newlyQualifiedReductionPercent: percentSchema.default(PQIP_DEFAULTS.newlyQualifiedReductionPercent),
  /**
   * Months from an intake's start month until its first month of the route counts, default 1: a
   * cohort starting in month m is in training (first stage, and may drop out) from m, completes its
   * first month of the route at the end of month m + lag, and so the short route at the end of month
   * m + lag + shortRouteMonths - 1. With 0 the start month counts in full. 1 is what the published
   * record fits (see {@link PQIP_DEFAULTS}).
   */
  startLagMonths: z.number().int('expected whole months').min(0, 'expected 0 months or more').max(12, 'expected at most 12 months').default(PQIP_DEFAULTS.startLagMonths),
  /**
   * Percent of those completing PQiP who take up a PO post in the service; when absent, 100; the rest
   * (failing, leaving, other posts) leave the pipeline as they complete. No figure is published:
   * calibrate it to the record (see `calibrateWorkforce`).
   */
  qualifierTakeUpPercent: percentSchema.optional(),
  })
  .refine((t) => t.longRouteMonths >= t.shortRouteMonths, { message: 'expected the long route to take at least as long as the short route', path: ['longRouteMonths'] });
/** How PQiP training runs: drop-out, routes, stage reductions, NQO period. */
export type PqipTraining = z.input<typeof pqipTrainingSchema>;
/** {@link PqipTraining} with defaults filled in. */
export type ParsedPqipTraining = z.output<typeof pqipTrainingSchema>;

/**
 * Zod schema of a cohort: trainees starting PQiP in one month.
 *
 * @example
 * ```ts
 * traineeCohortSchema.parse({ month: '2020-07', fte: 457 });
 * ```
 */
export const traineeCohortSchema = z.strictObject({
  /** Month training starts, `YYYY-MM`. */
  month: yearMonthSchema,
  /** Size in FTE. */
  fte: fteSchema,
  /** Percent on the short route; default the training's `shortRoutePercent`. */
  shortRoutePercent: percentSchema.optional(),
});
/** Trainees starting PQiP in one month: `{ month, fte, shortRoutePercent? }`. */
export type TraineeCohort = z.input<typeof traineeCohortSchema>;

/** The reduction stage (0-based) of a trainee who has completed `monthsTrained` months. */
export function stageOf(monthsTrained: number, training: ParsedPqipTraining): number {
  return Math.min(Math.floor(monthsTrained / training.stageMonths), training.stageReductionPercent.length - 1);
}
