/**
 * A workforce scenario: the start month and horizon, PQiP training, trainees already in training,
 * the qualified stock, intake and demand; checked as a whole and compiled into the month-by-month
 * arrays the projection and the Monte Carlo run on.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { formatPath, parseInput } from '../validate.js';
import { monthName, monthNumber, yearMonthSchema } from './calendar.js';
import { traineeCohortSchema, pqipTrainingSchema } from './cohort.js';
import { demandSchema, demandSeries, monthlySeriesSchema, requiredFteByMonth, seriesByMonth } from './demand.js';
import { rulesOf, type Timeline } from './flows.js';
import { monthlyRate } from './rates.js';
import { intakeSchema, intakeStarts, type ParsedIntakePlan, type Start } from './intake.js';
import { qualifiedStockSchema } from './stock.js';

/**
 * Longest projection, in months (100 years).
 *
 * @example
 * ```ts
 * MAX_PROJECTION_MONTHS; // 1200
 * ```
 */
export const MAX_PROJECTION_MONTHS = 1200;

/** One date problem: where, relative to the scenario, and what. */
interface DateIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Series = z.output<typeof monthlySeriesSchema> | ParsedWorkforceScenario['qualified']['leavingPercentPerYear'];

/** A series of steps whose first starts after the projection's start leaves the first months undefined. */
function seriesIssues(series: Series, start: string, path: readonly (string | number)[]): DateIssue[] {
  if (!Array.isArray(series) || (series[0] as { from: string }).from <= start) return [];
  return [{ path: [...path, 0, 'from'], message: `expected the first step at or before the start (${start})` }];
}

/** A plan must start within the projection and end after it starts. */
function planIssues(plan: ParsedIntakePlan, start: string, last: string, path: readonly (string | number)[]): DateIssue[] {
  const issues: DateIssue[] = [];
  if (plan.from !== undefined && plan.from < start) issues.push({ path: [...path, 'from'], message: `intake before the start month (${start})` });
  if (plan.from !== undefined && plan.from > last) issues.push({ path: [...path, 'from'], message: `expected a month up to the last projected month (${last})` });
  if (plan.until !== undefined && plan.until < (plan.from ?? start)) {
    issues.push({ path: [...path, 'until'], message: `months out of order: expected a month on or after ${plan.from ?? start}` });
  }
  return issues;
}

/**
 * Throws `INVALID_INPUT` naming `name.path` when an intake plan's months fall outside a scenario that
 * starts at `start` and runs `months` months.
 */
export function assertPlanWithin(plan: ParsedIntakePlan, start: string, months: number, name: string): void {
  const issue = planIssues(plan, start, monthName(monthNumber(start) + months - 1), [])[0];
  if (issue !== undefined) {
    const path = formatPath([name, ...issue.path]);
    throw new WorkloadError('INVALID_INPUT', `${path}: ${issue.message}`, { path });
  }
}

/**
 * Zod schema of a workforce scenario. Opening figures are at the end of the month before `start`;
 * every projected figure is at the end of its month.
 *
 * @example
 * ```ts
 * workforceScenarioSchema.parse({
 *   start: '2021-04',
 *   months: 36,
 *   training: { dropOutPercentPerYear: 10 },
 *   openingTrainees: [{ month: '2021-01', fte: 600 }],
 *   qualified: { openingFte: 3900 },
 *   intake: { plan: { perYear: 1500 } },
 *   demand: { requiredFte: 4418 },
 * });
 * ```
 */
export const workforceScenarioSchema = z
  .strictObject({
    /** First projected month, `YYYY-MM`. */
    start: yearMonthSchema,
    /** Months to project, 1 to 1,200. */
    months: z
      .number()
      .int('expected whole months')
      .min(1, 'expected at least 1 month')
      .max(MAX_PROJECTION_MONTHS, `expected at most ${MAX_PROJECTION_MONTHS} months`),
    training: pqipTrainingSchema,
    /** Cohorts in training at the start, by the month each started (before `start`), in month order. */
    openingTrainees: z.array(traineeCohortSchema).default([]),
    qualified: qualifiedStockSchema,
    /** Cohorts starting from `start` on (in month order) and an optional intake plan. */
    intake: intakeSchema.default({ cohorts: [] }),
    demand: demandSchema,
    /** Which gap decides closing: `inPost` (vacancies, default) or `effective` (capacity after reductions). */
    gapMeasure: z.enum(['inPost', 'effective']).default('inPost'),
  })
  .superRefine((s, ctx) => {
    const last = monthName(monthNumber(s.start) + s.months - 1);
    const issues: DateIssue[] = [];
    s.openingTrainees.forEach((cohort, i) => {
      const path = ['openingTrainees', i, 'month'];
      const before = s.openingTrainees[i - 1];
      if (cohort.month >= s.start) {
        issues.push({ path, message: `expected a month before the start (${s.start}): later cohorts belong in intake.cohorts` });
      } else if (before !== undefined && cohort.month < before.month) {
        issues.push({ path, message: `months out of order: expected ${before.month} or later` });
      } else {
        const trained = monthNumber(s.start) - monthNumber(cohort.month);
        const shortPercent = cohort.shortRoutePercent ?? s.training.shortRoutePercent;
        const routes = [
          { months: s.training.shortRouteMonths, used: shortPercent > 0 },
          { months: s.training.longRouteMonths, used: shortPercent < 100 },
        ];
        const done = routes.find((r) => r.used && trained >= r.months + s.training.startLagMonths);
        if (done !== undefined) {
          const lag = s.training.startLagMonths;
          issues.push({ path, message: `started ${trained} months before the start: would have qualified on the ${done.months}-month route${lag > 0 ? ` (after a start lag of ${lag})` : ''}` });
        }
      }
    });
    s.intake.cohorts.forEach((cohort, i) => {
      const path = ['intake', 'cohorts', i, 'month'];
      const before = s.intake.cohorts[i - 1];
      if (cohort.month < s.start) issues.push({ path, message: `intake before the start month (${s.start}): cohorts already training belong in openingTrainees` });
      else if (cohort.month > last) issues.push({ path, message: `expected a month up to the last projected month (${last})` });
      else if (before !== undefined && cohort.month < before.month) issues.push({ path, message: `months out of order: expected ${before.month} or later` });
    });
    if (s.intake.plan !== undefined) issues.push(...planIssues(s.intake.plan, s.start, last, ['intake', 'plan']));
    s.qualified.transfersIn.forEach((transfer, i) => {
      const path = ['qualified', 'transfersIn', i, 'month'];
      const before = s.qualified.transfersIn[i - 1];
      if (transfer.month < s.start || transfer.month > last) issues.push({ path, message: `expected a month within the projection (${s.start} to ${last})` });
      else if (before !== undefined && transfer.month < before.month) issues.push({ path, message: `months out of order: expected ${before.month} or later` });
    });
    issues.push(
      ...seriesIssues(s.qualified.leavingPercentPerYear, s.start, ['qualified', 'leavingPercentPerYear']),
      ...seriesIssues(s.qualified.otherInflowFtePerMonth, s.start, ['qualified', 'otherInflowFtePerMonth']),
      ...seriesIssues(s.qualified.otherOutflowFtePerMonth, s.start, ['qualified', 'otherOutflowFtePerMonth']),
    );
    const demandKey = s.demand.requiredFte !== undefined ? 'requiredFte' : s.demand.cases !== undefined ? 'cases' : 'points';
    issues.push(...seriesIssues(demandSeries(s.demand), s.start, ['demand', demandKey]));
    for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
  });
/** A workforce scenario (see {@link workforceScenarioSchema}). */
export type WorkforceScenario = z.input<typeof workforceScenarioSchema>;
/** {@link WorkforceScenario} with defaults filled in. */
export type ParsedWorkforceScenario = z.output<typeof workforceScenarioSchema>;

/** Parses a scenario at the boundary, or throws a `WorkloadError` naming the field under `name`. */
export function parseScenario(scenario: unknown, name = 'scenario'): ParsedWorkforceScenario {
  return parseInput(workforceScenarioSchema, scenario, name);
}

/** The same scenario with another intake plan (already checked against its dates). */
export function withPlan(scenario: ParsedWorkforceScenario, plan: ParsedIntakePlan): ParsedWorkforceScenario {
  return { ...scenario, intake: { ...scenario.intake, plan } };
}

/** The same scenario projected for `months` months instead. */
export function withMonths(scenario: ParsedWorkforceScenario, months: number): ParsedWorkforceScenario {
  return { ...scenario, months };
}

/** Compiles a parsed scenario into the arrays the monthly loop reads. */
export function timelineOf(s: ParsedWorkforceScenario): Timeline {
  const start = monthNumber(s.start);
  const leavingPercentByMonth = seriesByMonth(s.qualified.leavingPercentPerYear, start, s.months);
  const otherOutflowPercentPerYear = s.qualified.otherOutflowPercentPerYear;
  const exitPercent = (leaving: number) => Math.min(100, leaving + otherOutflowPercentPerYear);
  const rules = rulesOf(s.training, exitPercent(leavingPercentByMonth[0] as number));
  const transferIn = new Float64Array(s.months);
  for (const x of s.qualified.transfersIn) {
    const t = monthNumber(x.month) - start;
    transferIn[t] = (transferIn[t] as number) + x.fte;
  }
  const starts: Start[] = [
    ...s.openingTrainees.map((c): Start => ({
      t: monthNumber(c.month) - start,
      fte: c.fte,
      shortShare: (c.shortRoutePercent ?? s.training.shortRoutePercent) / 100,
    })),
    ...intakeStarts(s.intake, start, s.months, s.training.shortRoutePercent).filter((x) => x.t < s.months),
  ];
  // One cohort per start month and short-route share.
  const cohorts = new Map<string, Start>();
  for (const x of starts) {
    const key = `${x.t}:${x.shortShare}`;
    if (x.fte > 0) cohorts.set(key, { ...x, fte: (cohorts.get(key)?.fte ?? 0) + x.fte });
  }
  const list = [...cohorts.values()].sort((a, b) => a.t - b.t || a.shortShare - b.shortShare);
  // NQO groups: the months within the projection in which some cohort qualifies.
  const qualifyingMonths = [
    ...new Set(list.flatMap((c) => [c.t + rules.shortRouteSpan - 1, c.t + rules.longRouteSpan - 1]).filter((q) => q >= 0 && q < s.months)),
  ].sort((a, b) => a - b);
  const groupIndex = new Map(qualifyingMonths.map((q, g) => [q, g]));
  const groupOf = (q: number): number => groupIndex.get(q) ?? -1;
  const windows = (firsts: readonly number[], open: (t: number) => number, close: (t: number) => number) => {
    const from = new Int32Array(s.months);
    const to = new Int32Array(s.months);
    for (let t = 0; t < s.months; t++) {
      from[t] = firstAtLeast(firsts, open(t));
      to[t] = firstAtLeast(firsts, close(t));
    }
    return { from, to };
  };
  const cohortStart = Int32Array.from(list, (c) => c.t);
  // In training in month t: started in t - longRouteSpan + 1 .. t. Newly qualified at its start: qualified in t - nqoMonths .. t - 1.
  const cohortWindows = windows(list.map((c) => c.t), (t) => t - rules.longRouteSpan + 1, (t) => t + 1);
  const groupWindows = windows(qualifyingMonths, (t) => t - rules.newlyQualifiedMonths, (t) => t);
  const intake = new Float64Array(s.months);
  for (const x of starts) if (x.t >= 0) intake[x.t] = (intake[x.t] as number) + x.fte;
  return {
    start,
    months: s.months,
    cohortStart,
    cohortShortShare: Float64Array.from(list, (c) => c.shortShare),
    cohortShortGroup: Int32Array.from(list, (c) => groupOf(c.t + rules.shortRouteSpan - 1)),
    cohortLongGroup: Int32Array.from(list, (c) => groupOf(c.t + rules.longRouteSpan - 1)),
    groupQualified: Int32Array.from(qualifyingMonths),
    opening: Float64Array.from([...list.map((c) => c.fte), ...qualifyingMonths.map(() => 0), s.qualified.openingFte]),
    cohortsFrom: cohortWindows.from,
    cohortsTo: cohortWindows.to,
    groupsFrom: groupWindows.from,
    groupsTo: groupWindows.to,
    intake,
    otherInflow: seriesByMonth(s.qualified.otherInflowFtePerMonth, start, s.months),
    otherOutflow: seriesByMonth(s.qualified.otherOutflowFtePerMonth, start, s.months),
    transferIn,
    leavingPercentByMonth,
    otherOutflowPercentPerYear,
    exitRateByMonth: leavingPercentByMonth.map((leaving) => monthlyRate(exitPercent(leaving))),
    required: requiredFteByMonth(s.demand, start, s.months),
    gapMeasure: s.gapMeasure,
    // The rules last: a literal opening with a spread takes a new shape on every call, and V8 would
    // then discard the monthly loop compiled for the last timeline each time.
    ...rules,
  };
}

/** Index of the first of the ascending `values` at or above `bound` (`values.length` if none). */
function firstAtLeast(values: readonly number[], bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
