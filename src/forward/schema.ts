/** The input of the forward projection: dated cases, dated reports, new demand, and the options. */
import { z } from 'zod';
import { allocationRulesSchema, ALLOCATION_POLICIES } from '../allocation/index.js';
import { MAX_PRACTITIONERS, organisationPractitionerSchema, organisationSchema } from '../caseload/index.js';
import { ROSH_LEVELS, caseTypeSchema, tierSchema } from '../tiers/index.js';
import { isoDateSchema } from '../validate.js';
import { weightingTableSchema } from '../weightings/index.js';
import { caseSchema } from '../workload/index.js';
import { OMIC_RULE_SETS } from './handover.js';

/** Most weeks a projection may run (five years). */
export const MAX_FORWARD_WEEKS = 260;
/** Weeks projected unless told otherwise. */
export const DEFAULT_FORWARD_WEEKS = 52;
/** The day probation reset began (a licence case's supervision stops at two-thirds of its licence). */
export const PROBATION_RESET_FROM = '2024-06-07';

const flag = z.boolean().optional();
const date = isoDateSchema.optional();

/** A later date that may not come before an earlier one: `[later, earlier, what]`. */
const DATE_ORDER = [
  ['expectedEndDate', 'sentenceDate', 'an end date before its sentence date'],
  ['licenceEndDate', 'releaseDate', 'a licence end before its release date'],
  ['licenceEndDate', 'sentenceDate', 'a licence end before its sentence date'],
  ['releaseDate', 'sentenceDate', 'a release before the sentence'],
  ['paroleEligibilityDate', 'sentenceDate', 'a parole eligibility date before the sentence'],
  ['conditionalReleaseDate', 'sentenceDate', 'a conditional release before the sentence'],
  ['automaticReleaseDate', 'sentenceDate', 'an automatic release before the sentence'],
] as const;

/**
 * Zod schema of a case with its dates (`YYYY-MM-DD`): the WMT case (tier, case type, T2A, status)
 * with its id, the practitioner holding it, and what the projection and the OMiC rules read. A
 * community case ends on `expectedEndDate`; a custody case becomes a licence case on `releaseDate`
 * (or its earliest release date) and a licence case ends on `licenceEndDate`.
 */
export const datedCaseSchema = caseSchema
  .extend({
    id: z.string().min(1, 'expected a case id'),
    /** Id of the practitioner holding it (the COM). */
    practitionerId: z.string().min(1, 'expected a practitioner id'),
    sentenceDate: date,
    expectedEndDate: date,
    releaseDate: date,
    licenceEndDate: date,
    paroleEligibilityDate: date,
    conditionalReleaseDate: date,
    automaticReleaseDate: date,
    tariffExpiryDate: date,
    targetHearingDate: date,
    homeDetentionCurfewDate: date,
    /** Indeterminate cases in open conditions: the day they moved there. */
    openConditionsDate: date,
    indeterminate: flag,
    /** An indeterminate case with a further indeterminate sentence. */
    additionalIndeterminate: flag,
    earlyAllocation: flag,
    /** MAPPA level 0 (none) to 3. */
    mappaLevel: z.number().int('expected a MAPPA level 0-3').min(0, 'expected a MAPPA level 0-3').max(3, 'expected a MAPPA level 0-3').optional(),
    rosh: z.enum(ROSH_LEVELS, { error: () => `expected a RoSH level: ${ROSH_LEVELS.join(', ')}` }).optional(),
    childProtection: flag,
    nationalSecurity: flag,
    recall: flag,
    immigration: flag,
    /** A case managed by a CRC before unification (the earlier OMiC rules). */
    crcCase: flag,
    paroleOutcomeNotRelease: flag,
    estate: z.enum(['england', 'wales', 'womens']).optional(),
  })
  .superRefine((c, ctx) => {
    for (const [later, earlier, what] of DATE_ORDER) {
      const a = c[later];
      const b = c[earlier];
      if (a !== undefined && b !== undefined && a < b) {
        ctx.addIssue({ code: 'custom', message: `got ${what}: expected ${later} on or after ${earlier} (${b})`, path: [later] });
      }
    }
  });
/** A case with its dates and the flags the handover and reset rules read. */
export type DatedCase = z.input<typeof datedCaseSchema>;

/** Zod schema of a court report a practitioner completed (it counts for 30 days from that day). */
export const datedReportSchema = z.strictObject({
  practitionerId: z.string().min(1, 'expected a practitioner id'),
  kind: z.enum(['standardDelivery', 'fastDelivery']),
  completedDate: isoDateSchema,
});
/** A report and the day it was completed. */
export type DatedReport = z.input<typeof datedReportSchema>;

/** Zod schema of expected new cases a week in a PDU of one tier and case type. */
export const weeklyDemandSchema = z.strictObject({
  pduId: z.string().min(1, 'expected a PDU id'),
  tier: tierSchema,
  caseType: caseTypeSchema,
  t2a: flag,
  /** Expected new cases a week (fractions allowed: 0.5 is one case every two weeks). */
  perWeek: z.number().min(0, 'expected new cases a week of 0 or more').max(100_000, 'expected at most 100,000 new cases a week'),
  /** Weeks each new case stays before it ends (absent: to the end of the projection). */
  durationWeeks: z.number().int('expected whole weeks').min(1, 'expected at least 1 week').max(MAX_FORWARD_WEEKS).optional(),
});
/** Expected new cases a week in a PDU, of one tier and case type. */
export type WeeklyDemand = z.input<typeof weeklyDemandSchema>;

/**
 * Smallest chance above 0 of an early release or a weekly recall: no run would ever see one smaller,
 * and the draws' skips need 1 - chance to differ from 1.
 */
export const MIN_CHANCE = 1e-9;
const chanceSchema = z
  .number()
  .min(0, 'expected a rate of 0 to 1')
  .max(1, 'expected a rate of 0 to 1')
  .refine((x) => x === 0 || x >= MIN_CHANCE, `expected 0 or a rate of ${MIN_CHANCE} to 1 (a smaller chance is none in any run)`);
/** Runs of a Monte Carlo when none are asked for. */
export const DEFAULT_RUNS = 1000;
/** Zod schema of a Monte Carlo's number of runs, 1-10,000. */
export const runsSchema = z.number().int('expected whole runs').min(1, 'expected 1 to 10,000 runs').max(10_000, 'expected 1 to 10,000 runs');
/** The Monte Carlo's uncertain parts, as its options and a scenario's forward section both write them. */
export const uncertaintyFields = {
  /** New demand's overdispersion: absent, Poisson; a size k, negative binomial with variance mean + mean^2 / k. */
  dispersion: z.number().positive('expected a dispersion above 0').max(1e6).optional(),
  /** Share of releases brought forward (0, or 10^-9 to 1) and by how many weeks (1-52). */
  earlyRelease: z.strictObject({ rate: chanceSchema, weeks: z.number().int('expected whole weeks').min(1).max(52) }).optional(),
  /** Chance a case on licence is recalled in any one week (0, or 10^-9 to 1); it then stays in custody to its licence end. */
  recallWeeklyRate: chanceSchema.optional(),
};

/** Zod schema of the projection's input. */
export const forwardInputSchema = z.strictObject({
  /** The organisation: regions, PDUs, teams and practitioners (with their reductions and dates). */
  organisation: organisationSchema.extend({
    practitioners: z
      .array(organisationPractitionerSchema)
      .min(1, 'expected at least one practitioner')
      .max(MAX_PRACTITIONERS, `expected at most ${MAX_PRACTITIONERS} practitioners`),
  }),
  cases: z.array(datedCaseSchema).max(10_000_000, 'expected at most 10,000,000 cases'),
  reports: z.array(datedReportSchema).optional(),
  demand: z.array(weeklyDemandSchema).optional(),
});
/** The organisation, its dated cases and reports, and the new demand expected. */
export type ForwardInput = z.input<typeof forwardInputSchema>;

/** Zod schema of the projection's options. */
export const forwardOptionsSchema = z.strictObject({
  /** The first day (week 0), `YYYY-MM-DD`. */
  asOf: isoDateSchema,
  /** Weeks to look ahead, 1-260 (default 52). */
  weeks: z
    .number()
    .int('expected whole weeks')
    .min(1, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`)
    .max(MAX_FORWARD_WEEKS, `expected 1 to ${MAX_FORWARD_WEEKS} weeks`)
    .optional(),
  weightings: weightingTableSchema.optional(),
  /** `allocate` new cases to practitioners each week (default) or `pool` them at team level. */
  demandMode: z.enum(['allocate', 'pool']).optional(),
  /** Allocation policy and rules for `allocate` (the library's allocation). */
  policy: z.enum(ALLOCATION_POLICIES).optional(),
  rules: allocationRulesSchema.optional(),
  /** Probation reset: from when (default 7 June 2024), or `false` for none. */
  probationReset: z.union([z.literal(false), z.strictObject({ from: isoDateSchema })]).optional(),
  /** OMiC rule set (default: the one in force on `asOf`). */
  omicRules: z.enum(OMIC_RULE_SETS).optional(),
  /** Case ceiling (default 50) and whether unpaid-work-only cases count toward it (default no). */
  ceiling: z.number().int().min(0).optional(),
  countUnpaidWorkOnly: flag,
  /** Capacity thresholds in % (defaults 100 and 110) and the weeks above red that make a run (default 4). */
  over: z.number().min(0).max(100_000).optional(),
  red: z.number().min(0).max(100_000).optional(),
  runWeeks: z.number().int().min(1).max(MAX_FORWARD_WEEKS).optional(),
});
/** Options of the projection. */
export type ForwardOptions = z.input<typeof forwardOptionsSchema>;
