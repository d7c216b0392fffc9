/** Capacity of one practitioner: points against available points, and cases against the ceiling. */
import { z } from 'zod';
import { DEFAULT_WEIGHTINGS, weightingTableSchema } from '../weightings/index.js';
import { compare, fromDecimal, mul, ratio } from '../rational.js';
import { isoDateSchema, parseInput } from '../validate.js';
import { CASE_STATUSES, assertUniqueCaseIds, caseloadSchema, countsTowardCeilingUnchecked, type Caseload } from './cases.js';
import { availablePointsUnchecked, fteUnchecked, practitionerSchema, type AvailablePoints, type Practitioner } from './practitioner.js';
import { workloadPointsUnchecked, type WorkloadPoints } from './points.js';

/** The Justice Committee's baseline: no caseload should exceed 50 cases. */
export const DEFAULT_CASE_CEILING = 50;
/** Capacity % above which a practitioner is highlighted when allocating. */
export const DEFAULT_OVER_THRESHOLD = 100;
/** Capacity % above which a practitioner is shown red (4 weeks running = excessive workload). */
export const DEFAULT_RED_THRESHOLD = 110;

/**
 * Capacity %: total points / available points x 100; 0 when nothing is available (as the live tool).
 *
 * @example
 * ```ts
 * capacityPercent(1632, 2176); // 75
 * capacityPercent(10, 0); // 0
 * ```
 */
export function capacityPercent(total: number, available: number): number {
  const t = parseInput(z.number().min(0, 'expected points of 0 or more'), total, 'total');
  const a = parseInput(z.number().min(0, 'expected points of 0 or more'), available, 'available');
  return capacityPercentUnchecked(t, a);
}

/** Trusted core of {@link capacityPercent}. */
export function capacityPercentUnchecked(total: number, available: number): number {
  return available === 0 ? 0 : (total / available) * 100;
}

/** Points and available points of one part of a group (a practitioner, a team). */
export interface PointsAndAvailable {
  readonly total: number;
  readonly available: number;
}

/**
 * Capacity % of a group: the sum of their points over the sum of their available points, never a
 * mean of percentages (a part-timer at 200% and a full-timer at 50% are not a team at 125%).
 *
 * @example
 * ```ts
 * // (1000 + 500) / (500 + 1000) = 100%, where the mean of 200% and 50% would say 125%
 * combinedCapacityPercent([{ total: 1000, available: 500 }, { total: 500, available: 1000 }]); // 100
 * ```
 */
export function combinedCapacityPercent(parts: readonly PointsAndAvailable[]): number {
  const items = parseInput(
    z.array(z.strictObject({ total: z.number().min(0), available: z.number().min(0) })),
    parts,
    'parts',
  );
  return combinedCapacityPercentUnchecked(items);
}

/** Trusted core of {@link combinedCapacityPercent}. */
export function combinedCapacityPercentUnchecked(parts: readonly PointsAndAvailable[]): number {
  let total = 0;
  let available = 0;
  for (const part of parts) {
    total += part.total;
    available += part.available;
  }
  return capacityPercentUnchecked(total, available);
}

/** Where a capacity % stands against the thresholds: `within`, `over` (above 100%) or `red` (above 110%). */
export type CapacityStatus = 'within' | 'over' | 'red';

/**
 * Zod schema of the capacity thresholds, in %: `over` (highlighted when allocating, default 100) and
 * `red` (default 110), red at or above over.
 *
 * @example
 * ```ts
 * capacityThresholdsSchema.parse({ over: 100, red: 110 });
 * ```
 */
export const capacityThresholdsSchema = z
  .strictObject({ over: z.number().min(0, 'expected a threshold of 0% or more'), red: z.number().min(0, 'expected a threshold of 0% or more') })
  .refine((t) => t.red >= t.over, { message: 'expected red at or above over', path: ['red'] });

/** Options of {@link assessPractitioner}. */
export const assessOptionsSchema = z.strictObject({
  weightings: weightingTableSchema.optional(),
  /** The day to assess, `YYYY-MM-DD`. */
  asOf: isoDateSchema,
  /** Case ceiling (default 50). */
  ceiling: z.number().int().min(0).optional(),
  /** Count unpaid-work-only cases toward the ceiling (default false, as the Committee's baseline). */
  countUnpaidWorkOnly: z.boolean().optional(),
  /** Capacity thresholds in % (defaults 100 and 110). */
  thresholds: capacityThresholdsSchema.optional(),
});
/** Options of {@link assessPractitioner}. */
export type AssessOptions = z.input<typeof assessOptionsSchema>;

/** One practitioner's workload picture. */
export interface PractitionerAssessment {
  readonly id: string;
  readonly grade: Practitioner['grade'];
  readonly points: WorkloadPoints;
  readonly available: AvailablePoints;
  /** points.total / available.points x 100 (0 when available is 0). */
  readonly capacityPercent: number;
  /** available - total; negative when over. */
  readonly remainingPoints: number;
  readonly status: CapacityStatus;
  readonly caseCount: number;
  /** Cases counted toward the ceiling (unpaid-work-only excluded by default). */
  readonly ceilingCaseCount: number;
  readonly ceiling: number;
  /** ceilingCaseCount > ceiling. */
  readonly overCeiling: boolean;
  /** contracted / default hours (0 when default hours are 0). */
  readonly fte: number;
  /** caseCount / fte; `null` when fte is 0. */
  readonly casesPerFte: number | null;
}

/**
 * Whether total / available x 100 is above `threshold` %, decided exactly on the decimals given:
 * by the doubles when total x 100 and threshold x available are clearly apart, otherwise (a tie, a
 * near tie, an overflow) by exact rationals, so 100.004 of 100 is above 100% and 1e307 of 1e306 is
 * above 110%.
 */
function isAbove(total: number, available: number, threshold: number): boolean {
  if (available === 0) return false;
  const left = total * 100;
  const right = threshold * available;
  const gap = left - right;
  if (Number.isFinite(gap) && Math.abs(gap) > Math.max(left, right) * CLEARLY_APART) return gap > 0;
  return compare(mul(fromDecimal(total), ratio(100n)), mul(fromDecimal(threshold), fromDecimal(available))) > 0;
}

/** A relative gap the doubles' rounding (about 1e-16 a product) cannot have made: 1e-12. */
const CLEARLY_APART = 1e-12;

/**
 * Status of a workload against the thresholds, decided exactly rather than on a rounded percentage:
 * 2,277 of 2,070 points is exactly 110%, so `over`, not `red` (in doubles it is 110.00000000000001%).
 *
 * @example
 * ```ts
 * capacityStatus(2277, 2070); // 'over'
 * capacityStatus(2278, 2070); // 'red'
 * ```
 */
export function capacityStatus(total: number, available: number, over = DEFAULT_OVER_THRESHOLD, red = DEFAULT_RED_THRESHOLD): CapacityStatus {
  const points = z.number().min(0, 'expected points of 0 or more');
  const thresholds = parseInput(capacityThresholdsSchema, { over, red }, 'thresholds');
  return capacityStatusUnchecked(parseInput(points, total, 'total'), parseInput(points, available, 'available'), thresholds.over, thresholds.red);
}

/** Trusted core of {@link capacityStatus}: no parsing, for loops over many practitioners. */
export function capacityStatusUnchecked(total: number, available: number, over: number, red: number): CapacityStatus {
  return isAbove(total, available, red) ? 'red' : isAbove(total, available, over) ? 'over' : 'within';
}

/**
 * Everything the WMT shows for one practitioner, and the 50-case ceiling check.
 *
 * @example
 * ```ts
 * const a = assessPractitioner(
 *   { id: 'po1', grade: 'PO', contractedHours: 37 },
 *   { cases: [{ tier: 'A3', caseType: 'licence' }, { tier: 'D0', caseType: 'community', status: 'unpaidWorkOnly' }] },
 *   { asOf: '2021-06-26' },
 * );
 * // 219 + 29 = 248 points of 2176: 11.397…%; 2 cases, 1 toward the ceiling
 * a.capacityPercent; // 11.397…
 * a.ceilingCaseCount; // 1
 * ```
 */
export function assessPractitioner(practitioner: Practitioner, caseload: Caseload, options: AssessOptions): PractitionerAssessment {
  const p = parseInput(practitionerSchema, practitioner, 'practitioner');
  const held = parseInput(caseloadSchema, caseload, 'caseload');
  assertUniqueCaseIds([['caseload.cases', held.cases]]);
  const o = parseInput(assessOptionsSchema, options, 'options');
  const weightings = o.weightings ?? DEFAULT_WEIGHTINGS;
  const points = workloadPointsUnchecked(held, weightings);
  const available = availablePointsUnchecked(p, weightings, o.asOf);
  const percent = capacityPercentUnchecked(points.total, available.points);
  const ceilingCaseCount = ceilingCasesUnchecked(points, o.countUnpaidWorkOnly ?? false);
  const ceiling = o.ceiling ?? DEFAULT_CASE_CEILING;
  const practitionerFte = fteUnchecked(p.grade, p.contractedHours, weightings);
  return {
    id: p.id,
    grade: p.grade,
    points,
    available,
    capacityPercent: percent,
    remainingPoints: available.points - points.total,
    status: capacityStatusUnchecked(points.total, available.points, o.thresholds?.over ?? DEFAULT_OVER_THRESHOLD, o.thresholds?.red ?? DEFAULT_RED_THRESHOLD),
    caseCount: points.caseCount,
    ceilingCaseCount,
    ceiling,
    overCeiling: ceilingCaseCount > ceiling,
    fte: practitionerFte,
    casesPerFte: practitionerFte === 0 ? null : points.caseCount / practitionerFte,
  };
}

/** Cases of a weighed caseload that count toward the ceiling (see {@link countsTowardCeilingUnchecked}). Trusted. */
export function ceilingCasesUnchecked(points: WorkloadPoints, countUnpaidWorkOnly: boolean): number {
  let n = 0;
  for (const c of points.cases) if (countsTowardCeilingUnchecked(CASE_STATUSES.indexOf(c.status), countUnpaidWorkOnly)) n++;
  return n;
}

/** Options of {@link isExcessiveWorkload}. */
export const excessiveOptionsSchema = z.strictObject({
  /** Capacity % to be above (default 110). */
  threshold: z.number().min(0).optional(),
  /** Consecutive weeks above it (default 4). */
  weeks: z.number().int().min(1).optional(),
});

/**
 * Whether weekly capacity % readings hold an excessive workload: above 110% for 4 consecutive
 * weeks (written parliamentary answer, 30 March 2021), both configurable.
 *
 * @example
 * ```ts
 * isExcessiveWorkload([112, 115, 111, 120]); // true
 * isExcessiveWorkload([112, 115, 110, 120]); // false: 110 is not above 110
 * ```
 */
export function isExcessiveWorkload(weeklyCapacities: readonly number[], options: z.input<typeof excessiveOptionsSchema> = {}): boolean {
  const weekly = parseInput(z.array(z.number().min(0, 'expected a capacity % of 0 or more')), weeklyCapacities, 'weeklyCapacities');
  const o = parseInput(excessiveOptionsSchema, options, 'options');
  const threshold = o.threshold ?? DEFAULT_RED_THRESHOLD;
  const weeks = o.weeks ?? 4;
  let run = 0;
  for (const percent of weekly) {
    run = percent > threshold ? run + 1 : 0;
    if (run >= weeks) return true;
  }
  return false;
}
