/**
 * The smallest intake plan that has the shortfall closed by a month, closed meaning no shortfall from
 * that month to the end of the projection (as everywhere in the library): in expectation (the
 * projection), or with a stated probability (the Monte Carlo), within a maximum the business can manage.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { parseInput } from '../validate.js';
import { monthName, monthNumber, yearMonthSchema } from './calendar.js';
import { fteSchema } from './cohort.js';
import { intakePlanSchema, type ParsedIntakePlan } from './intake.js';
import { projectTimeline } from './projection.js';
import { parseScenario, timelineOf, withPlan, type ParsedWorkforceScenario, type WorkforceScenario } from './scenario.js';
import { runMonteCarlo, simulationOptionsSchema, type ParsedSimulationOptions } from './simulation.js';

/**
 * The 2021/22 target, "the maximum we believe the business can manage": 1,500 trainees a year.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_INTAKE_PER_YEAR; // 1500
 * ```
 */
export const DEFAULT_MAX_INTAKE_PER_YEAR = 1500;

/**
 * Zod schema of {@link requiredIntake}'s options: the month to close by, the most intake a year to
 * consider (default 1,500), and optionally the probability the gap must have closed by then with the
 * Monte Carlo `simulation` to judge it (without them, the expected projection must close it).
 *
 * @example
 * ```ts
 * requiredIntakeOptionsSchema.parse({ closeBy: '2024-03', probabilityPercent: 90, simulation: { runs: 2000, seed: 1 } });
 * ```
 */
export const requiredIntakeOptionsSchema = z
  .strictObject({
    /** The month from which there must be no gap to the end of the projection, `YYYY-MM`. */
    closeBy: yearMonthSchema,
    /** The most trainee FTE a year to consider; default 1,500. */
    maxIntakePerYear: fteSchema.default(DEFAULT_MAX_INTAKE_PER_YEAR),
    /** Chance the gap must have closed by `closeBy` (none from it to the end), percent (above 0, up to 100). */
    probabilityPercent: z.number().gt(0, 'expected a probability above 0%').max(100, 'expected a probability of at most 100%').optional(),
    /** The Monte Carlo that judges `probabilityPercent` (its `quantiles` are not used). */
    simulation: simulationOptionsSchema.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.probabilityPercent !== undefined && o.simulation === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected simulation options ({ runs, seed }) to judge probabilityPercent', path: ['simulation'] });
    }
    if (o.probabilityPercent === undefined && o.simulation !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'simulation applies only with probabilityPercent', path: ['probabilityPercent'] });
    }
  });
/** `{ closeBy, maxIntakePerYear?, probabilityPercent?, simulation? }`. */
export type RequiredIntakeOptions = z.input<typeof requiredIntakeOptionsSchema>;

/** What an intake level gives by `closeBy`. */
export interface IntakeOutcome {
  /** Trainee FTE a year under the plan. */
  readonly perYear: number;
  /** The month the expected gap closes for good (none from it to the end of the projection); `null` if there is a gap in the last month. */
  readonly closesIn: string | null;
  /** Share of simulated runs closed for good by `closeBy`, 0–1; `null` when judged in expectation. */
  readonly probabilityClosedBy: number | null;
  /** Trainee FTE starting over the projection (cohorts and plan). */
  readonly traineePlaces: number;
}

/** The answer of {@link requiredIntake}. */
export type RequiredIntake =
  | (IntakeOutcome & {
      readonly feasible: true;
      readonly closeBy: string;
      /** The plan that does it: the scenario's plan (or January and July intakes) at `perYear`. */
      readonly plan: ParsedIntakePlan;
      readonly explanation: string;
    })
  | {
      readonly feasible: false;
      readonly closeBy: string;
      readonly maxIntakePerYear: number;
      /** What the maximum gives: not enough. */
      readonly atMaximum: IntakeOutcome;
      readonly explanation: string;
    };

/** How one intake level fares: closed for good by `closeBy`, the month index `by` from the start. */
function outcomeOf(
  scenario: ParsedWorkforceScenario,
  plan: ParsedIntakePlan,
  perYear: number,
  closeBy: string,
  by: number,
  probabilityPercent: number | undefined,
  simulation: ParsedSimulationOptions | undefined,
): IntakeOutcome & { readonly closes: boolean } {
  const timeline = timelineOf(withPlan(scenario, { ...plan, perYear }));
  const expected = projectTimeline(timeline);
  const traineePlaces = timeline.intake.reduce((sum, fte) => sum + fte, 0);
  if (probabilityPercent === undefined || simulation === undefined) {
    return { perYear, closesIn: expected.closesIn, probabilityClosedBy: null, traineePlaces, closes: expected.closesIn !== null && expected.closesIn <= closeBy };
  }
  const closedBy = runMonteCarlo(timeline, simulation);
  const closedRuns = closedBy[by] as number;
  return {
    perYear,
    closesIn: expected.closesIn,
    probabilityClosedBy: closedRuns / simulation.runs,
    traineePlaces,
    closes: 100 * closedRuns >= probabilityPercent * simulation.runs,
  };
}

function withoutVerdict({ perYear, closesIn, probabilityClosedBy, traineePlaces }: IntakeOutcome): IntakeOutcome {
  return { perYear, closesIn, probabilityClosedBy, traineePlaces };
}

/**
 * The smallest whole number of trainee FTE a year that leaves no gap from the month `closeBy` to the
 * end of the projection: in expectation, or in at least `probabilityPercent`% of simulated runs (the same seeded runs for every level, so
 * levels compare like for like; Monte Carlo noise can still make the answer a little uneven). The
 * plan varied is the scenario's (its months and dates kept), or January and July intakes from the
 * start. More intake never widens the gap, so a bisection between 0 and the maximum finds it; when
 * even the maximum leaves a gap, says so.
 *
 * @example
 * ```ts
 * const r = requiredIntake(
 *   {
 *     start: '2021-04',
 *     months: 60,
 *     training: { dropOutPercentPerYear: 10 },
 *     qualified: { openingFte: 3900 },
 *     demand: { requiredFte: 4418 },
 *   },
 *   { closeBy: '2024-03' },
 * );
 * r.feasible ? r.perYear : r.explanation; // trainees a year starting from April 2021
 * ```
 */
export function requiredIntake(scenario: WorkforceScenario, options: RequiredIntakeOptions): RequiredIntake {
  const s = parseScenario(scenario);
  const o = parseInput(requiredIntakeOptionsSchema, options, 'options');
  const last = monthName(monthNumber(s.start) + s.months - 1);
  if (o.closeBy < s.start || o.closeBy > last) {
    throw new WorkloadError('INVALID_INPUT', `options.closeBy: expected a month within the projection (${s.start} to ${last})`, { path: 'options.closeBy' });
  }
  const plan = s.intake.plan ?? intakePlanSchema.parse({ perYear: 0 });
  const by = monthNumber(o.closeBy) - monthNumber(s.start);
  const at = (perYear: number) => outcomeOf(s, plan, perYear, o.closeBy, by, o.probabilityPercent, o.simulation);
  const criterion =
    o.probabilityPercent === undefined
      ? 'in expectation'
      : `in at least ${o.probabilityPercent}% of ${(o.simulation?.runs ?? 0).toLocaleString('en-GB')} simulated runs`;
  const max = Math.floor(o.maxIntakePerYear);
  const atMax = at(max);
  if (!atMax.closes) {
    return {
      feasible: false,
      closeBy: o.closeBy,
      maxIntakePerYear: max,
      atMaximum: withoutVerdict(atMax),
      explanation: `No intake up to ${max.toLocaleString('en-GB')} a year closes the gap by ${o.closeBy} ${criterion}.`,
    };
  }
  // Bisection on whole FTE a year: `found` closes the gap, everything at or below `low` does not.
  let found = atMax;
  const none = at(0);
  if (none.closes) found = none;
  for (let low = 0; !none.closes && found.perYear - low > 1; ) {
    const outcome = at(Math.floor((low + found.perYear) / 2));
    if (outcome.closes) found = outcome;
    else low = outcome.perYear;
  }
  return {
    feasible: true,
    closeBy: o.closeBy,
    plan: { ...plan, perYear: found.perYear },
    ...withoutVerdict(found),
    explanation:
      found.perYear === 0
        ? `The gap closes by ${o.closeBy} and stays closed to ${last} ${criterion} with no further intake.`
        : `${found.perYear.toLocaleString('en-GB')} trainees a year is the least that closes the gap by ${o.closeBy} and keeps it closed to ${last} ${criterion}.`,
  };
}
