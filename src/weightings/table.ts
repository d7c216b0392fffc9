/**
 * The weighting table: workload points per case by tier and case type, report points,
 * retention of inactive cases, nominal targets and default hours; its schema and the
 * published 2021 defaults.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { S_TIERS, UTM_TIERS, WEIGHTED_TIERS, type CaseType, type UtmTier, type WeightedTier } from '../tiers/index.js';
import { isoDateSchema, parseInput, percentSchema } from '../validate.js';
import { GRADES, type Grade } from './grades.js';
import { deepFreeze } from '../freeze.js';

const tierPointSchema = z
  .number()
  .int('expected whole points')
  .min(0, 'expected points of 0 or more')
  .max(999, 'expected points of at most 999 (the live tool allows 0–999)');

const tierRowSchema = z.strictObject(
  Object.fromEntries(WEIGHTED_TIERS.map((tier) => [tier, tierPointSchema])) as Record<WeightedTier, typeof tierPointSchema>,
);

const byCaseTypeSchema = z.strictObject({
  community: tierRowSchema,
  licence: tierRowSchema,
  custody: tierRowSchema,
});

function byGrade<S extends z.ZodType>(schema: S) {
  return z.strictObject(Object.fromEntries(GRADES.map((grade) => [grade, schema])) as Record<Grade, S>);
}

/** A whole percentage 0..100: retention is summed exactly in hundredths of a point. */
const wholePercentSchema = percentSchema.int('expected a whole percentage (retention is kept exact in hundredths of a point)');

/** Zod schema of a {@link WeightingTable}; every cell is required (a missing one names its path). */
export const weightingTableSchema = z.strictObject({
  /** A name for the table, e.g. `UTM 2021 defaults`. */
  name: z.string().min(1, 'expected a name'),
  /** First day in force, `YYYY-MM-DD`. */
  effectiveFrom: isoDateSchema,
  /** Last day in force, `YYYY-MM-DD`; absent while current. */
  effectiveTo: isoDateSchema.optional(),
  /** Points per case: `tierPoints[caseType][tier]`. */
  tierPoints: byCaseTypeSchema,
  /** Points per case for T2A (young adult) cases: `t2aTierPoints[caseType][tier]`. */
  t2aTierPoints: byCaseTypeSchema,
  /** Points per report completed in the last 30 days. */
  reportPoints: z.strictObject({ standardDelivery: tierPointSchema, fastDelivery: tierPointSchema }),
  /** Percent of tier points an inactive case keeps, by status. */
  retention: z.strictObject({
    activeWarrant: wholePercentSchema,
    unpaidWorkOnly: wholePercentSchema,
    overdueTermination: wholePercentSchema,
  }),
  /** Points a full-time practitioner of the grade can carry (0–9,999). */
  nominalTarget: byGrade(z.number().int('expected whole points').min(0).max(9999, 'expected at most 9,999 points')),
  /**
   * The grade's full-time week in hours: 0, meaning no case capacity (SPO by default), or 1–37. A
   * week of at least an hour keeps every quotient by it finite: at most 168 hours x 9,999 points / 1
   * hour = 1,679,832 available points, and an FTE of at most 168.
   */
  defaultContractedHours: byGrade(
    z
      .number()
      .min(0, 'expected hours of 0 or more')
      .max(37, 'expected at most 37 hours')
      .refine((h) => h === 0 || h >= 1, 'expected 0 hours (no case capacity) or a week of at least 1 hour'),
  ),
}).refine((t) => t.effectiveTo === undefined || t.effectiveTo >= t.effectiveFrom, {
  message: 'expected effectiveTo on or after effectiveFrom',
  path: ['effectiveTo'],
});

/** A weighting table (see {@link weightingTableSchema} for units and limits). */
export type WeightingTable = z.output<typeof weightingTableSchema>;
/** Points per case for one case type, by tier. */
export type TierRow = Readonly<Record<WeightedTier, number>>;

/** The published 2021 community, licence and custody columns, in {@link UTM_TIERS} order. */
const PUBLISHED_2021: Readonly<Record<CaseType, readonly number[]>> = {
  community: [206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29],
  licence: [219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0],
  custody: [75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0],
};

/** A row from UTM points in {@link UTM_TIERS} order; `S` tiers weigh 0. */
function rowOf(points: readonly number[]): TierRow {
  const row = {} as Record<WeightedTier, number>;
  UTM_TIERS.forEach((tier: UtmTier, i) => (row[tier] = points[i] as number));
  for (const tier of S_TIERS) row[tier] = 0;
  return row;
}

/**
 * The published 2021 weightings (hmpps-workload seed data, UTM in the WMT from 4 May 2021):
 * community / licence / custody points per tier, T2A cases on the custody column for every case
 * type, standard delivery report 138 and fast delivery report 65 points, inactive cases keeping
 * 0% (active warrant), 100% (unpaid work only) and 0% (overdue termination), nominal target
 * 2,176 points and default week 37 hours for every grade but SPO (0 hours).
 *
 * @example
 * ```ts
 * DEFAULT_WEIGHTINGS.tierPoints.licence.A3; // 219
 * DEFAULT_WEIGHTINGS.t2aTierPoints.community.B2; // 48 (custody column)
 * ```
 */
export const DEFAULT_WEIGHTINGS: WeightingTable = deepFreeze({
  name: 'UTM 2021 defaults',
  effectiveFrom: '2021-05-04',
  tierPoints: {
    community: rowOf(PUBLISHED_2021.community),
    licence: rowOf(PUBLISHED_2021.licence),
    custody: rowOf(PUBLISHED_2021.custody),
  },
  t2aTierPoints: {
    community: rowOf(PUBLISHED_2021.custody),
    licence: rowOf(PUBLISHED_2021.custody),
    custody: rowOf(PUBLISHED_2021.custody),
  },
  reportPoints: { standardDelivery: 138, fastDelivery: 65 },
  retention: { activeWarrant: 0, unpaidWorkOnly: 100, overdueTermination: 0 },
  nominalTarget: { PO: 2176, PSO: 2176, PQiP: 2176, NQO: 2176, SPO: 2176 },
  defaultContractedHours: { PO: 37, PSO: 37, PQiP: 37, NQO: 37, SPO: 0 },
});

/**
 * Community points of the pre-2021 seven-tier model (wmt-worker seed data, 2020), for comparison
 * with the UTM table; not a {@link WeightingTable}, since its tiers differ.
 *
 * @example
 * ```ts
 * LEGACY_SEVEN_TIER_COMMUNITY_POINTS.B1; // 106
 * ```
 */
export const LEGACY_SEVEN_TIER_COMMUNITY_POINTS = deepFreeze({
  A: 150, B1: 106, B2: 93, C1: 57, C2: 45, D1: 36, D2: 24,
});

/**
 * Validates a weighting table, throwing `WorkloadError` with the path of the first bad cell.
 *
 * @example
 * ```ts
 * const table = parseWeightings({ ...DEFAULT_WEIGHTINGS, name: 'Local 2022' });
 * ```
 */
export function parseWeightings(input: unknown, path = 'weightings'): WeightingTable {
  return parseInput(weightingTableSchema, input, path);
}

/**
 * The table in force on `asOf` (`YYYY-MM-DD`) among versioned tables: the latest `effectiveFrom`
 * on or before `asOf` whose `effectiveTo` (inclusive) has not passed. Throws `NOT_IN_FORCE` if none.
 *
 * @example
 * ```ts
 * const v2 = { ...DEFAULT_WEIGHTINGS, name: 'refresh', effectiveFrom: '2022-04-01' };
 * weightingsInForce([DEFAULT_WEIGHTINGS, v2], '2021-12-01').name; // 'UTM 2021 defaults'
 * weightingsInForce([DEFAULT_WEIGHTINGS, v2], '2022-04-01').name; // 'refresh'
 * ```
 */
export function weightingsInForce(tables: readonly unknown[], asOf: string): WeightingTable {
  const parsed = parseInput(z.array(weightingTableSchema).min(1, 'expected at least one table'), tables, 'tables');
  const date = parseInput(isoDateSchema, asOf, 'asOf');
  let best: WeightingTable | undefined;
  for (const table of parsed) {
    const inForce = table.effectiveFrom <= date && (table.effectiveTo === undefined || date <= table.effectiveTo);
    if (inForce && (best === undefined || table.effectiveFrom > best.effectiveFrom)) best = table;
  }
  if (best === undefined) {
    throw new WorkloadError('NOT_IN_FORCE', `asOf: no weighting table is in force on ${date}`, { path: 'asOf' });
  }
  return best;
}

