/**
 * The forward section of a scenario: the generated caseload given dates, new demand (estimated from
 * its recent allocations, or given), projected week by week with a Monte Carlo band at team level
 * and above; what the report shows of it: capacity by region over the weeks with P5–P95, and the
 * units that cross 110% and when.
 */
import { z } from 'zod';
import { caseDateAssumptionsSchema, type GeneratedCaseload, type OrganisationCaseload } from '../caseload/index.js';
import {
  DEFAULT_DEMAND_LOOKBACK_WEEKS,
  DEFAULT_FORWARD_WEEKS,
  MAX_FORWARD_WEEKS,
  NO_DAY,
  weeklyDemandSchema,
  type WeeklyDemand,
} from '../forward/index.js';
import {
  checkSampleBudget,
  datesOfGenerated,
  dayOf,
  isoOf,
  estimateDemandUnchecked,
  forwardMonteCarloColumnsUnchecked,
  levelsOfColumns,
  projectWorkloadColumnsUnchecked,
  runsSchema,
  summaryOf,
  uncertaintyFields,
  type ForwardSummary,
} from '../forward/internal.js';
import { CASE_TYPES } from '../tiers/index.js';
import { isoDateSchema } from '../validate.js';

const weeks = z.number().int('expected whole weeks').min(1, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`).max(MAX_FORWARD_WEEKS, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`);

/** Zod schema of a scenario's forward section. */
export const forwardSectionSchema = z.strictObject({
  /** Weeks to look ahead from the scenario's `asOf`, 1-260 (default 52). */
  weeks: weeks.optional(),
  /** The distributions the cases' dates are drawn from (each an assumption; `{}`: the defaults). */
  dates: caseDateAssumptionsSchema,
  /**
   * New demand: `{ estimateFromWeeks }` estimates it from the cases sentenced (taken as allocated) in
   * that many weeks up to `asOf`; a list gives it per PDU, tier and case type.
   */
  demand: z.union([z.strictObject({ estimateFromWeeks: weeks }), z.array(weeklyDemandSchema).max(100_000)]).optional(),
  /** `allocate` new cases week by week with the transfer's policy (default), or `pool` them at team level. */
  demandMode: z.enum(['allocate', 'pool']).optional(),
  /** Probation reset from a day, or `false` for none (default 7 June 2024). */
  probationReset: z.union([z.literal(false), z.strictObject({ from: isoDateSchema })]).optional(),
  /** The Monte Carlo at team level and above (seed: the scenario's + 3). */
  monteCarlo: z.strictObject({ runs: runsSchema, ...uncertaintyFields }),
});
/** A scenario's forward section as written. */
export type ForwardSection = z.input<typeof forwardSectionSchema>;

/** What a scenario report shows of the forward section: the summary, and the demand it ran with. */
export interface ForwardReport extends ForwardSummary {
  readonly demandMode: 'allocate' | 'pool';
  /** Expected new cases a week, all PDUs (the demand's sum). */
  readonly newCasesPerWeek: number;
  /** Where the demand came from. */
  readonly demandFrom: string;
  /** New cases that could not be allocated, all weeks. */
  readonly unplacedNewCases: number;
}

const COMMUNITY = CASE_TYPES.indexOf('community');
const CUSTODY = CASE_TYPES.indexOf('custody');

/** A scenario's organisation caseload: generated (with its case dates when the scenario looks forward), or your own. */
export type ScenarioOrganisation = OrganisationCaseload & Partial<Pick<GeneratedCaseload, 'dates'>>;

/**
 * New demand estimated from the generated caseload: its community and custody cases sentenced in the
 * last `lookback` weeks are taken as its recent allocations (allocated on their sentence day), with
 * their order or licence end.
 */
export function demandOfGenerated(org: ScenarioOrganisation, forwardDates: { readonly endDay: Int32Array }, lookback: number): WeeklyDemand[] {
  const c = org.columns.cases;
  const sentence = org.dates?.sentenceDay;
  const n = c.tierIndex.length;
  const allocatedDay = new Int32Array(n);
  for (let i = 0; i < n; i++) allocatedDay[i] = sentence !== undefined && (c.caseTypeIndex[i] === COMMUNITY || c.caseTypeIndex[i] === CUSTODY) ? (sentence[i] as number) : NO_DAY;
  const pduOf = org.columns.practitioners.pduIndex;
  return estimateDemandUnchecked(
    { pduIndex: Uint32Array.from(c.practitionerIndex, (p) => pduOf[p] as number), tierIndex: c.tierIndex, caseTypeIndex: c.caseTypeIndex, t2a: c.t2a ?? new Uint8Array(n), allocatedDay, endDay: forwardDates.endDay },
    org.pdus.map((p) => p.id),
    dayOf(org.asOf),
    lookback,
  );
}

/** Runs a parsed forward section on the scenario's caseload (checked, and given dates by the caseload section). */
export function forwardSection(section: z.output<typeof forwardSectionSchema>, org: ScenarioOrganisation, seed: number, policy: 'balanced' | 'least-loaded' | 'grade-order' | undefined): ForwardReport {
  const W = section.weeks ?? DEFAULT_FORWARD_WEEKS;
  if (org.dates === undefined) throw new Error('the caseload section gives the cases dates when the scenario has a forward section');
  const dates = datesOfGenerated(org.columns.cases.caseTypeIndex, org.dates);
  const given = section.demand !== undefined && Array.isArray(section.demand);
  const lookback = section.demand === undefined || Array.isArray(section.demand) ? DEFAULT_DEMAND_LOOKBACK_WEEKS : section.demand.estimateFromWeeks;
  const demand = Array.isArray(section.demand) ? section.demand : demandOfGenerated(org, dates, lookback);
  const demandMode = section.demandMode ?? 'allocate';
  const options = {
    asOf: org.asOf,
    weeks: W,
    demandMode,
    ...(policy === undefined ? {} : { policy }),
    ...(section.probationReset === undefined ? {} : { probationReset: section.probationReset }),
  };
  checkSampleBudget(org, W, section.monteCarlo.runs, 'scenario.forward.monteCarlo.runs');
  // The organisation (checked by the caseload section), the dates (generated), the demand and the options (the parsed section) are trusted: the unchecked cores.
  const projection = projectWorkloadColumnsUnchecked(org, dates, demand, options);
  const mc = forwardMonteCarloColumnsUnchecked(org, dates, demand, { ...options, seed, ...section.monteCarlo });
  const weekDates = Array.from({ length: W + 1 }, (_, w) => isoOf(dayOf(org.asOf) + 7 * w));
  return {
    ...summaryOf(levelsOfColumns(projection.levels, projection.crossings, org), weekDates, mc),
    demandMode,
    newCasesPerWeek: demand.reduce((sum, d) => sum + d.perWeek, 0),
    demandFrom: given ? 'given in the scenario' : `estimated from the cases sentenced in the ${lookback} weeks to ${org.asOf} (taken as allocated on their sentence day)`,
    unplacedNewCases: projection.run.unplaced.reduce((sum, u) => sum + u.cases, 0),
  };
}
