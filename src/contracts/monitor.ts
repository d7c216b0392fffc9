/**
 * Referral monitoring (document 004, recommendation 10: teams "assess the actual volume of
 * referrals against estimates"): cumulative variance by month, flagged when actuals drift beyond a
 * tolerance.
 */
import { z } from 'zod';
import { countSchema, parseInput } from '../validate.js';
import { BASIS_POINTS, checkSafe, largestRemainder, parseWeights, sumExact } from '../money.js';

/**
 * Splits a year's estimated referrals over its months by largest remainder (ties to the earlier
 * month), so the months sum to the year: evenly over 12 months, or by seasonal `weights`.
 *
 * @param annualVolume referrals in the year
 * @param weights one whole-number weight per month (default twelve 1s)
 * @example
 * ```ts
 * monthlyEstimates(1000); // 83.33 a month: [84, 84, 84, 84, 83, ..., 83] (the 4 spare to the first months)
 * ```
 */
export function monthlyEstimates(annualVolume: number, weights: readonly number[] = Array.from({ length: 12 }, () => 1)): number[] {
  const total = parseInput(countSchema, annualVolume, 'annualVolume');
  return largestRemainder(total, parseWeights(weights, total));
}

/** Where cumulative actuals stand against the tolerance. */
export type DriftStatus = 'within' | 'above' | 'below';

/** Zod schema of the options of {@link referralMonitor}. */
export const referralMonitorOptionsSchema = z.strictObject({
  /** Allowed cumulative drift, in basis points of the cumulative estimate (default 1 000 = 10%). */
  toleranceBp: z.number().int('expected whole basis points').min(0, 'expected a tolerance of 0 or more').optional(),
});
/** Options of {@link referralMonitor}. */
export type ReferralMonitorOptions = z.input<typeof referralMonitorOptionsSchema>;

/** One month of monitoring. */
export interface MonitoredMonth {
  /** Month of the contract year, 1 for the first. */
  readonly month: number;
  /** Referrals estimated and received this month. */
  readonly estimate: number;
  readonly actual: number;
  /** Referrals to date. */
  readonly cumulativeEstimate: number;
  readonly cumulativeActual: number;
  /** Referrals, signed: cumulative actual - cumulative estimate. */
  readonly cumulativeVariance: number;
  /** Signed %: cumulative variance / cumulative estimate x 100 (for display); `null` while the estimate is 0. */
  readonly variancePercent: number | null;
  /** `above` or `below` when the cumulative variance exceeds the tolerance (compared exactly), else `within`. */
  readonly status: DriftStatus;
}

/** Actual referrals against estimates, month by month. */
export interface ReferralMonitor {
  readonly toleranceBp: number;
  /** One row per month with an actual, in order. */
  readonly months: readonly MonitoredMonth[];
  /** The first month flagged `above` or `below`; `null` if none. */
  readonly firstFlaggedMonth: number | null;
  /** Referrals estimated for the whole year. */
  readonly yearEstimate: number;
  /** Referrals: actuals to date plus the estimates of the months still to come. */
  readonly forecastVolume: number;
}


/**
 * Compares actual referrals with estimates month by month, cumulatively, and flags drift beyond a
 * tolerance (default 10% of the cumulative estimate).
 *
 * @param estimates referrals estimated for each month of the year
 * @param actuals referrals received in each month so far (no more months than estimates)
 * @example
 * ```ts
 * const m = referralMonitor([100, 100, 100], [90, 85]);
 * // month 1: 90 vs 100, -10 (-10%, within 10%); month 2: 175 vs 200, -25 (-12.5%): below
 * m.firstFlaggedMonth; // 2
 * m.forecastVolume; // 175 + 100 = 275
 * ```
 */
export function referralMonitor(estimates: readonly number[], actuals: readonly number[], options: ReferralMonitorOptions = {}): ReferralMonitor {
  const e = parseInput(z.array(countSchema).min(1, 'expected an estimate for at least one month').readonly(), estimates, 'estimates');
  const a = parseInput(z.array(countSchema).max(e.length, `expected at most ${e.length} months of actuals, one per estimated month`).readonly(), actuals, 'actuals');
  const o = parseInput(referralMonitorOptionsSchema, options, 'options');
  const tolerance = o.toleranceBp ?? 1_000;
  let cumulativeEstimate = 0;
  let cumulativeActual = 0;
  const months = a.map((actual, index): MonitoredMonth => {
    const estimate = e[index] as number;
    cumulativeEstimate = checkSafe(cumulativeEstimate + estimate, 'estimates');
    cumulativeActual = checkSafe(cumulativeActual + actual, 'actuals');
    const cumulativeVariance = cumulativeActual - cumulativeEstimate;
    const drifted = BigInt(Math.abs(cumulativeVariance)) * BigInt(BASIS_POINTS) > BigInt(tolerance) * BigInt(cumulativeEstimate);
    return {
      month: index + 1,
      estimate,
      actual,
      cumulativeEstimate,
      cumulativeActual,
      cumulativeVariance,
      variancePercent: cumulativeEstimate === 0 ? null : (cumulativeVariance / cumulativeEstimate) * 100,
      status: !drifted ? 'within' : cumulativeVariance > 0 ? 'above' : 'below',
    };
  });
  const yearEstimate = sumExact(e, 'estimates');
  return {
    toleranceBp: tolerance,
    months,
    firstFlaggedMonth: months.find((m) => m.status !== 'within')?.month ?? null,
    yearEstimate,
    forecastVolume: sumExact([cumulativeActual, ...e.slice(a.length)], 'actuals'),
  };
}
