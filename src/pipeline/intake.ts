/**
 * Intake: the cohorts already planned, and an intake plan (so many FTE a year, split across the
 * calendar months that take intakes) turned into the FTE starting each month on each route.
 */
import { z } from 'zod';
import { percentSchema } from '../validate.js';
import { monthNumber, yearMonthSchema } from './calendar.js';
import { traineeCohortSchema, fteSchema } from './cohort.js';

/**
 * Zod schema of an intake plan: `perYear` FTE a year, shared equally between the calendar months
 * that take intakes (default January and July: "usually two intakes a year"), from a month (default
 * the projection's start) until a month (default its end).
 *
 * @example
 * ```ts
 * intakePlanSchema.parse({ perYear: 1500, from: '2021-07' }); // 750 in each July and January
 * ```
 */
export const intakePlanSchema = z.strictObject({
  /** Trainee FTE starting a year. */
  perYear: fteSchema,
  /** Calendar months (1–12) taking an intake, each an equal share; default [1, 7]. */
  calendarMonths: z
    .array(z.number().int('expected a calendar month 1–12').min(1, 'expected a calendar month 1–12').max(12, 'expected a calendar month 1–12'))
    .min(1, 'expected at least one calendar month')
    .refine((months) => new Set(months).size === months.length, 'expected each calendar month once')
    .default([1, 7]),
  /** First month the plan applies, `YYYY-MM`; default the projection's start. */
  from: yearMonthSchema.optional(),
  /** Last month the plan applies, `YYYY-MM`; default the projection's end. */
  until: yearMonthSchema.optional(),
  /** Percent on the short route; default the training's `shortRoutePercent`. */
  shortRoutePercent: percentSchema.optional(),
});
/** An intake plan: `{ perYear, calendarMonths?, from?, until?, shortRoutePercent? }`. */
export type IntakePlan = z.input<typeof intakePlanSchema>;
/** {@link IntakePlan} with defaults filled in. */
export type ParsedIntakePlan = z.output<typeof intakePlanSchema>;

/**
 * Zod schema of a scenario's intake: cohorts already planned (in month order, none before the
 * start) and an optional plan on top of them.
 *
 * @example
 * ```ts
 * intakeSchema.parse({ cohorts: [{ month: '2021-07', fte: 750 }], plan: { perYear: 1500, from: '2022-01' } });
 * ```
 */
export const intakeSchema = z.strictObject({
  cohorts: z.array(traineeCohortSchema).default([]),
  plan: intakePlanSchema.optional(),
});
/** `{ cohorts?, plan? }`. */
export type ScenarioIntake = z.input<typeof intakeSchema>;
type ParsedIntake = z.output<typeof intakeSchema>;

/** Trainees starting in one month of the projection: month index from the start, FTE, short-route share 0–1. */
export interface Start {
  readonly t: number;
  readonly fte: number;
  readonly shortShare: number;
}

/**
 * Every start of the intake, cohorts and plan, from month number `start` for `months` months. Months
 * outside the projection are the caller's to refuse.
 */
export function intakeStarts(intake: ParsedIntake, start: number, months: number, defaultShortPercent: number): Start[] {
  const share = (percent: number | undefined): number => (percent ?? defaultShortPercent) / 100;
  const starts = intake.cohorts.map((c): Start => ({ t: monthNumber(c.month) - start, fte: c.fte, shortShare: share(c.shortRoutePercent) }));
  const plan = intake.plan;
  if (plan !== undefined) {
    const first = plan.from === undefined ? 0 : monthNumber(plan.from) - start;
    const last = plan.until === undefined ? months - 1 : Math.min(months - 1, monthNumber(plan.until) - start);
    const fte = plan.perYear / plan.calendarMonths.length;
    for (let t = first; t <= last; t++) {
      if (plan.calendarMonths.includes(((start + t) % 12) + 1)) starts.push({ t, fte, shortShare: share(plan.shortRoutePercent) });
    }
  }
  return starts;
}
