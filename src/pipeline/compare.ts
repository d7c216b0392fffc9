/** Several intake plans side by side: when the gap closes, the trainee places each costs, and its spread. */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { intakePlanSchema } from './intake.js';
import { projectTimeline } from './projection.js';
import { assertPlanWithin, parseScenario, timelineOf, withPlan, type WorkforceScenario } from './scenario.js';
import { closingMonth, runMonteCarlo, simulationOptionsSchema } from './simulation.js';
import type { GapMeasure } from './flows.js';

/**
 * Zod schema of the plans to compare: 1 to 20, each `{ name, plan }` with a distinct name.
 *
 * @example
 * ```ts
 * intakePlansSchema.parse([{ name: '600 a year', plan: { perYear: 600 } }]);
 * ```
 */
export const intakePlansSchema = z
  .array(z.strictObject({ name: z.string().min(1, 'expected a non-empty name'), plan: intakePlanSchema }))
  .min(1, 'expected at least one plan')
  .max(20, 'expected at most 20 plans');
/** Plans to compare: `[{ name, plan }]`. */
export type IntakePlans = z.input<typeof intakePlansSchema>;

/**
 * Zod schema of {@link compareIntakePlans}' options: an optional Monte Carlo for the spread.
 *
 * @example
 * ```ts
 * compareOptionsSchema.parse({ simulation: { runs: 1000, seed: 2021 } });
 * ```
 */
export const compareOptionsSchema = z.strictObject({ simulation: simulationOptionsSchema.optional() });
/** `{ simulation? }`. */
export type CompareOptions = z.input<typeof compareOptionsSchema>;

/** How one plan fares. */
export interface IntakePlanOutcome {
  readonly name: string;
  /** Trainee FTE a year under the plan. */
  readonly perYear: number;
  /** Trainee FTE starting over the projection (the scenario's cohorts and the plan): its cost in trainee places. */
  readonly traineePlaces: number;
  /** First month the expected gap is closed, `YYYY-MM`; `null` if not within the projection. */
  readonly closesIn: string | null;
  /** Expected shortfall (per the gap measure) in the last projected month, FTE. */
  readonly finalGap: number;
  /** From the Monte Carlo, when asked for: the closing month at each quantile and the chance it closes at all. */
  readonly simulated: {
    readonly quantiles: readonly number[];
    readonly closesIn: readonly (string | null)[];
    readonly probabilityClosesWithin: number;
  } | null;
}

/** The plans side by side, in the order given. */
export interface IntakePlanComparison {
  readonly start: string;
  readonly months: number;
  readonly gapMeasure: GapMeasure;
  readonly plans: readonly IntakePlanOutcome[];
}

/**
 * Compares intake plans on one scenario (each replacing the scenario's plan; its cohorts are kept):
 * the month the expected gap closes, the trainee places each costs over the projection, the gap
 * left at the end, and with `simulation` the closing month at each quantile (e.g. P5–P95) and the
 * chance it closes at all. Every plan uses the same seeded runs.
 *
 * @example
 * ```ts
 * const c = compareIntakePlans(
 *   {
 *     start: '2021-04',
 *     months: 60,
 *     training: { dropOutPercentPerYear: 10 },
 *     qualified: { openingFte: 3900 },
 *     demand: { requiredFte: 4418 },
 *   },
 *   [
 *     { name: '600 a year', plan: { perYear: 600 } },
 *     { name: '1,500 a year', plan: { perYear: 1500 } },
 *   ],
 * );
 * c.plans.map((p) => p.closesIn); // the 1,500 plan closes first
 * ```
 */
export function compareIntakePlans(scenario: WorkforceScenario, plans: IntakePlans, options: CompareOptions = {}): IntakePlanComparison {
  const s = parseScenario(scenario);
  const list = parseInput(intakePlansSchema, plans, 'plans');
  const o = parseInput(compareOptionsSchema, options, 'options');
  list.forEach((p, i) => {
    const first = list.findIndex((other) => other.name === p.name);
    if (first !== i) throw new WorkloadError('DUPLICATE_ID', `plans[${i}].name: "${p.name}" is already used by plans[${first}]`, { path: `plans[${i}].name` });
    assertPlanWithin(p.plan, s.start, s.months, `plans[${i}].plan`);
  });
  return {
    start: s.start,
    months: s.months,
    gapMeasure: s.gapMeasure,
    plans: list.map(({ name, plan }): IntakePlanOutcome => {
      const timeline = timelineOf(withPlan(s, plan));
      const expected = projectTimeline(timeline);
      const last = expected.rows[expected.rows.length - 1];
      const sim = o.simulation;
      const closedBy = sim === undefined ? undefined : runMonteCarlo(timeline, sim);
      return {
        name,
        perYear: plan.perYear,
        traineePlaces: expected.totals.intake,
        closesIn: expected.closesIn,
        finalGap: (s.gapMeasure === 'inPost' ? last?.shortfall : last?.effectiveShortfall) ?? 0,
        simulated:
          sim === undefined || closedBy === undefined
            ? null
            : {
                quantiles: sim.quantiles,
                closesIn: sim.quantiles.map((q) => closingMonth(closedBy, sim.runs, q, timeline.start)),
                probabilityClosesWithin: (closedBy[closedBy.length - 1] as number) / sim.runs,
              },
      };
    }),
  };
}
