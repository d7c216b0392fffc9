/**
 * The next weeks: every practitioner's, team's, PDU's, region's and the nation's points and cases,
 * from case dates (ends, releases, OMiC handovers, probation reset), reports leaving the 30-day
 * window, reductions starting and ending, and new demand allocated week by week.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { checkOrganisationCaseload } from '../caseload/internal.js';
import type { OrganisationCaseload } from '../caseload/index.js';
import { DEFAULT_CASE_CEILING, DEFAULT_OVER_THRESHOLD, DEFAULT_RED_THRESHOLD } from '../workload/index.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { NO_DAY, runProjection, type ForwardRun } from './core.js';
import { modelOfColumns, modelOfInput, type ForwardDateColumns } from './build.js';
import { handoverOf, omicRuleSetOn, OMIC_RULE_SETS, responsibilityOn, type Handover, type ResponsibilityPhase } from './handover.js';
import { checkSampleBudget, simulateForward, type ForwardMonteCarlo, type UncertaintySpec } from './monte-carlo.js';
import { projectionOf, type ForwardProjection } from './project.js';
import { FORWARD_LEVELS, allLevelSeries, crossingsOf, type Crossings, type LevelSeries, type Thresholds } from './results.js';
import {
  DEFAULT_FORWARD_WEEKS,
  DEFAULT_RUNS,
  datedCaseSchema,
  forwardInputSchema,
  forwardOptionsSchema,
  runsSchema, uncertaintyFields, weeklyDemandSchema, type DatedCase, type ForwardInput, type ForwardOptions, type WeeklyDemand } from './schema.js';

export { CASE_STATES, NO_DAY, POINT_MOVES, type CaseState, type ForwardRun, type PointMove } from './core.js';
export type { ForwardDateColumns } from './build.js';
export {
  DEFAULT_DEMAND_LOOKBACK_WEEKS,
  allocatedCaseSchema,
  demandEstimateOptionsSchema,
  estimateWeeklyDemand,
  type AllocatedCase,
  type DemandEstimateOptions,
} from './demand.js';
export { HANDOVER_RULES, OMIC_POLICY_START, OMIC_RULE_SETS, OMIC_RULE_SET_FROM, RESPONSIBILITY_PHASES, type Handover, type HandoverRule, type OmicRuleSet, type ResponsibilityPhase } from './handover.js';
export { MONTE_CARLO_LEVELS, type CapacityBand, type ForwardMonteCarlo, type UnitBand } from './monte-carlo.js';
export type { CaseProjection, ForwardProjection, UnitProjection, UnitWeek, UnplacedNewCases } from './project.js';
export { FORWARD_LEVELS, type Crossings, type ForwardLevel, type LevelSeries, type LookAhead } from './results.js';
export {
  DEFAULT_FORWARD_WEEKS,
  MAX_FORWARD_WEEKS,
  PROBATION_RESET_FROM,
  datedCaseSchema,
  datedReportSchema,
  forwardInputSchema,
  forwardOptionsSchema,
  weeklyDemandSchema,
  type DatedCase,
  type DatedReport,
  type ForwardInput,
  type ForwardOptions,
  type WeeklyDemand,
} from './schema.js';

function thresholdsOf(o: z.output<typeof forwardOptionsSchema>): Thresholds {
  const over = o.over ?? DEFAULT_OVER_THRESHOLD;
  const red = o.red ?? DEFAULT_RED_THRESHOLD;
  if (red < over) throw new WorkloadError('INVALID_INPUT', `options.red: got ${red}, expected at or above over (${over})`, { path: 'options.red' });
  return { over, red, ceiling: o.ceiling ?? DEFAULT_CASE_CEILING, runWeeks: o.runWeeks ?? 4 };
}

/**
 * Projects workload forward week by week from case dates and new demand. Week `w` shows the state
 * on day `asOf + 7w`: a community case leaves on its expected end date, a licence case on its
 * licence end date; a custody case moves to the licence column on its release date (or earliest
 * release date); under probation reset (from 7 June 2024 unless told otherwise) a licence case moves
 * to its S tier at two-thirds of its licence unless exempt (MAPPA, very high RoSH, child protection,
 * national security); reports leave 30 days after completion; reductions count between their dates;
 * new cases (whole cases as the weekly rate reaches them) are allocated each week by the library's
 * allocation, or pooled among a PDU's teams by available points (`demandMode: 'pool'`). Every unit
 * comes with its weeks (points, available, capacity %, cases, the points each kind of event moved,
 * the look-ahead counts) and its crossings of 100%, 110% and the 50-case ceiling; every case with
 * its states and, in custody, its OMiC handover.
 *
 * @example
 * ```ts
 * const projection = projectWorkload({
 *   organisation: {
 *     name: 'Example (synthetic)',
 *     regions: [{ id: 'A', name: 'North East' }],
 *     pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
 *     teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
 *     practitioners: [{ id: 'po1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' }],
 *   },
 *   cases: [
 *     // B1 custody, released 2021-07-11 (day 15: week 3): 47 points to 119 (the licence column)
 *     { id: 'c1', practitionerId: 'po1', tier: 'B1', caseType: 'custody', sentenceDate: '2021-01-04', releaseDate: '2021-07-11', licenceEndDate: '2022-01-10' },
 *     // C2 community, ends 2021-09-04 (day 70: week 10): 63 points leave
 *     { id: 'c2', practitionerId: 'po1', tier: 'C2', caseType: 'community', sentenceDate: '2021-03-01', expectedEndDate: '2021-09-04' },
 *   ],
 * }, { asOf: '2021-06-26', weeks: 12 });
 * const po = projection.units.find((u) => u.id === 'po1')!;
 * po.weeks.map((w) => w.points); // [110, 110, 110, 182, ..., 182, 119, 119, 119] (week 10 on: 119)
 * ```
 */
export function projectWorkload(input: ForwardInput, options: ForwardOptions): ForwardProjection {
  const parsed = parseInput(forwardInputSchema, input, 'input');
  const o = parseInput(forwardOptionsSchema, options, 'options');
  const thresholds = thresholdsOf(o);
  const built = modelOfInput(parsed, o);
  const run = runProjection(built.model);
  return projectionOf(built.model, run, built.organisation, parsed.cases.map((c) => c.id), built.handovers, thresholds);
}

/** The columnar projection: the core's run, each level's weekly sums, and each unit's crossings. */
export interface ColumnarProjection {
  readonly run: ForwardRun;
  readonly levels: Readonly<Record<(typeof FORWARD_LEVELS)[number], LevelSeries>>;
  readonly crossings: Readonly<Record<(typeof FORWARD_LEVELS)[number], readonly Crossings[]>>;
}

const int32 = z.instanceof(Int32Array, { message: 'expected an Int32Array' });
const dateColumnsSchema = z.strictObject({
  releaseDay: int32,
  endDay: int32,
  paroleDay: int32,
  resetExempt: z.instanceof(Uint8Array, { message: 'expected a Uint8Array' }),
});
const columnarInputSchema = z.strictObject({ organisation: z.unknown(), dates: dateColumnsSchema, demand: z.array(weeklyDemandSchema).optional() });

/** Day columns: one per case; a day is whole (any Int32), and an end never before its release. */
function checkDates(dates: ForwardDateColumns, caseCount: number): void {
  for (const [name, column] of Object.entries(dates) as [string, ArrayLike<number>][]) {
    if (column.length !== caseCount) throw new WorkloadError('INVALID_INPUT', `input.dates.${name}: has ${column.length} entries, expected ${caseCount} (one per case)`, { path: `input.dates.${name}` });
  }
  for (let i = 0; i < caseCount; i++) {
    const release = dates.releaseDay[i] as number;
    const end = dates.endDay[i] as number;
    if (release !== NO_DAY && end !== NO_DAY && end < release) {
      throw new WorkloadError('INVALID_INPUT', `input.dates.endDay[${i}]: got day ${end}, expected on or after the release (day ${release})`, { path: `input.dates.endDay[${i}]` });
    }
    if ((dates.resetExempt[i] as number) > 1) throw new WorkloadError('INVALID_INPUT', `input.dates.resetExempt[${i}]: expected 0 or 1`, { path: `input.dates.resetExempt[${i}]` });
  }
}

/** The columnar faces' input, checked once: its types, the organisation's columns, the date columns' lengths. */
function parseColumnarInput(input: unknown) {
  const parsed = parseInput(columnarInputSchema, input, 'input');
  const org = checkOrganisationCaseload(parsed.organisation, 'input.organisation');
  checkDates(parsed.dates, org.columns.cases.tierIndex.length);
  return { parsed, org };
}

/**
 * The projection for national-scale data in columns: an organisation's caseload (as
 * `organisationCaseload` or `generateNationalCaseload` give it) with a day column per case (days
 * since 1970-01-01, {@link NO_DAY} for none), and new demand. Available points are those of the
 * organisation's day in every week (reductions by date need the object API); its report counts,
 * having no dates, are taken as completed on that day. Same rules as {@link projectWorkload}.
 *
 * @example
 * ```ts
 * const org = generateNationalCaseload({ seed: 1, practitioners: 200, pduCount: 12 });
 * const n = org.columns.cases.tierIndex.length;
 * const none = new Int32Array(n).fill(NO_DAY);
 * const p = projectWorkloadColumns({ organisation: org, dates: { releaseDay: none, endDay: none, paroleDay: none, resetExempt: new Uint8Array(n) } }, { asOf: org.asOf });
 * p.levels.national.points[0] === p.levels.national.points[52]; // true: no dates, no demand, flat
 * ```
 */
export function projectWorkloadColumns(
  input: { readonly organisation: OrganisationCaseload; readonly dates: ForwardDateColumns; readonly demand?: readonly WeeklyDemand[] },
  options: ForwardOptions,
): ColumnarProjection {
  const { parsed, org } = parseColumnarInput(input);
  return projectWorkloadColumnsUnchecked(org, parsed.dates, parsed.demand ?? [], parseInput(forwardOptionsSchema, options, 'options'));
}

/**
 * The trusted core of {@link projectWorkloadColumns}, for a caller that has already checked the
 * organisation, the date columns, the demand and the options at its own boundary (the scenario).
 */
export function projectWorkloadColumnsUnchecked(
  org: OrganisationCaseload,
  dates: ForwardDateColumns,
  demand: readonly z.output<typeof weeklyDemandSchema>[],
  o: z.output<typeof forwardOptionsSchema>,
): ColumnarProjection {
  const thresholds = thresholdsOf(o);
  const model = modelOfColumns(org, dates, demand, o);
  const run = runProjection(model);
  const levels = allLevelSeries(model, run);
  const crossings = Object.fromEntries(
    FORWARD_LEVELS.map((level) => [level, Array.from({ length: levels[level].count }, (_, u) => crossingsOf(levels[level], model.weeks, u, thresholds))]),
  ) as unknown as ColumnarProjection['crossings'];
  return { run, levels, crossings };
}

const handoverOptionsSchema = z.strictObject({ asOf: isoDateSchema, rules: z.enum(OMIC_RULE_SETS).optional() });

/**
 * The OMiC handover of a custody case as worked out on `asOf`, under the rule set given or the one
 * in force that day: the branch that decided, the earliest release date, the handover and handover
 * start dates (or the responsibility a rule fixes), and who is responsible on `asOf`.
 *
 * @example
 * ```ts
 * // April 2023 rules, determinate with a PED of 1 March 2025: ERD = PED, handover 12 months before
 * caseHandover(
 *   { id: 'c1', practitionerId: 'po1', tier: 'B2', caseType: 'custody', sentenceDate: '2022-03-01', paroleEligibilityDate: '2025-03-01' },
 *   { asOf: '2023-06-01' },
 * ).handoverDate; // '2024-03-01'
 * ```
 */
export function caseHandover(datedCase: DatedCase, options: z.input<typeof handoverOptionsSchema>): Handover & { readonly responsibility: ResponsibilityPhase } {
  const c = parseInput(datedCaseSchema, datedCase, 'datedCase');
  const o = parseInput(handoverOptionsSchema, options, 'options');
  if (c.caseType !== 'custody') throw new WorkloadError('INVALID_INPUT', `datedCase.caseType: got "${c.caseType}", expected "custody" (handovers are of custody cases)`, { path: 'datedCase.caseType' });
  const h = handoverOf(c, o.rules ?? omicRuleSetOn(o.asOf), o.asOf);
  return { ...h, responsibility: responsibilityOn(h, o.asOf) };
}

/** Zod schema of the Monte Carlo's options: the projection's, and what is uncertain. */
export const monteCarloOptionsSchema = forwardOptionsSchema.extend({
  /** Runs, 1-10,000 (default 1,000). */
  runs: runsSchema.optional(),
  seed: z.number().int('expected a whole-number seed').refine(Number.isSafeInteger, 'expected a safe integer seed'),
  ...uncertaintyFields,
});
/** Options of the Monte Carlo. */
export type MonteCarloOptions = z.input<typeof monteCarloOptionsSchema>;

function specOf(o: z.output<typeof monteCarloOptionsSchema>): UncertaintySpec {
  return {
    runs: o.runs ?? DEFAULT_RUNS,
    seed: o.seed,
    dispersion: o.dispersion ?? null,
    earlyRelease: o.earlyRelease ?? { rate: 0, weeks: 1 },
    recallWeeklyRate: o.recallWeeklyRate ?? 0,
  };
}

/**
 * A seeded Monte Carlo of the projection at team level and above: each run draws every PDU's new
 * cases a week (Poisson at the expected rate, or negative binomial with `dispersion`), pools them
 * among its teams by available points, brings a share of releases forward (`earlyRelease`) and
 * recalls cases on licence at `recallWeeklyRate` a week (recalled cases count custody points to
 * their licence end). Gives the mean, P5, P50 and P95 (type 7) of each team's, PDU's, region's and
 * the nation's capacity % in each week. Same input and seed, same output.
 *
 * @example
 * ```ts
 * const mc = forwardMonteCarlo({
 *   organisation: {
 *     name: 'Example (synthetic)',
 *     regions: [{ id: 'A', name: 'North East' }],
 *     pdus: [{ id: 'A-01', name: 'PDU A-01', regionId: 'A' }],
 *     teams: [{ id: 'A-01-01', name: 'Team A-01-01', pduId: 'A-01' }],
 *     practitioners: [{ id: 'po1', grade: 'PO', contractedHours: 37, teamId: 'A-01-01' }],
 *   },
 *   cases: [],
 *   demand: [{ pduId: 'A-01', tier: 'C2', caseType: 'community', perWeek: 1 }],
 * }, { asOf: '2021-06-26', weeks: 8, runs: 200, seed: 7 });
 * mc.units.find((u) => u.level === 'national')!.weeks[8]!.p50; // about 8 cases x 63 / 2176 = 23%
 * ```
 */
export function forwardMonteCarlo(input: ForwardInput, options: MonteCarloOptions): ForwardMonteCarlo {
  const parsed = parseInput(forwardInputSchema, input, 'input');
  const o = parseInput(monteCarloOptionsSchema, options, 'options');
  checkSampleBudget(parsed.organisation, o.weeks ?? DEFAULT_FORWARD_WEEKS, o.runs ?? DEFAULT_RUNS, 'options.runs');
  const built = modelOfInput(parsed, o);
  return simulateForward(built.model, built.organisation, specOf(o));
}

/**
 * {@link forwardMonteCarlo} on columns, as {@link projectWorkloadColumns} takes them.
 *
 * @example
 * ```ts
 * const org = generateNationalCaseload({ seed: 1, practitioners: 200, pduCount: 12 });
 * const n = org.columns.cases.tierIndex.length;
 * const none = new Int32Array(n).fill(NO_DAY);
 * const mc = forwardMonteCarloColumns(
 *   { organisation: org, dates: { releaseDay: none, endDay: none, paroleDay: none, resetExempt: new Uint8Array(n) } },
 *   { asOf: org.asOf, weeks: 4, runs: 10, seed: 1 },
 * );
 * mc.units.length; // teams + 12 PDUs + 12 regions + 1
 * ```
 */
export function forwardMonteCarloColumns(
  input: { readonly organisation: OrganisationCaseload; readonly dates: ForwardDateColumns; readonly demand?: readonly WeeklyDemand[] },
  options: MonteCarloOptions,
): ForwardMonteCarlo {
  const { parsed, org } = parseColumnarInput(input);
  const o = parseInput(monteCarloOptionsSchema, options, 'options');
  checkSampleBudget(org, o.weeks ?? DEFAULT_FORWARD_WEEKS, o.runs ?? DEFAULT_RUNS, 'options.runs');
  return forwardMonteCarloColumnsUnchecked(org, parsed.dates, parsed.demand ?? [], o);
}

/** The trusted core of {@link forwardMonteCarloColumns} (as {@link projectWorkloadColumnsUnchecked}: everything checked by the caller). */
export function forwardMonteCarloColumnsUnchecked(
  org: OrganisationCaseload,
  dates: ForwardDateColumns,
  demand: readonly z.output<typeof weeklyDemandSchema>[],
  o: z.output<typeof monteCarloOptionsSchema>,
): ForwardMonteCarlo {
  return simulateForward(modelOfColumns(org, dates, demand, o), org, specOf(o));
}
