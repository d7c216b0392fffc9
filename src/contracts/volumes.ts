/**
 * Volume projection (document 004, recommendation 10): historical caseload, the share meeting a
 * service's eligibility criteria (assumed, or counted from the caseload's needs), projected forward with the caseload forecast and named extra
 * demand (such as the caseload from more police officers), giving a volume for each contract year.
 */
import { z } from 'zod';
import { WorkloadError } from '../errors.js';
import { countSchema, parseInput } from '../validate.js';
import { BASIS_POINTS, roundingModeSchema, sumExact, toSafeNumber } from '../money.js';
import { MAX_CONTRACT_YEARS } from './terms.js';
import { add, mul, ratio, round, toNumber, type Rational, type RoundingMode } from '../rational.js';

/** Zod schema of a named source of extra caseload, in cases per contract year. */
export const extraDemandSchema = z.strictObject({
  /** What drives it, e.g. `more police officers`. */
  name: z.string().min(1, 'expected a name for the extra demand'),
  /** Extra cases on the caseload in each contract year (before eligibility), one per year. */
  casesByYear: z.array(countSchema).max(MAX_CONTRACT_YEARS, `expected at most ${MAX_CONTRACT_YEARS} contract years`).readonly(),
});
/** A named source of extra caseload. */
export type ExtraDemand = z.input<typeof extraDemandSchema>;

/** Zod schema of the input of {@link projectVolumes}. */
export const volumeProjectionInputSchema = z
  .strictObject({
    /** Cases a year in the base year (the latest year of historical data). */
    historicalCaseload: countSchema,
    /** Basis points of the caseload meeting the service's eligibility criteria (1 250 = 12.5%): an assumed share. Give this or `eligiblePeople`. */
    eligibilityBp: z
      .number()
      .int('expected whole basis points (1 250 = 12.5%)')
      .min(0, 'expected an eligibility of 0 or more')
      .max(BASIS_POINTS, 'expected an eligibility of at most 10 000 basis points (100%)')
      .optional(),
    /**
     * People a year of the base year's caseload meeting the eligibility criteria, counted from its
     * needs (e.g. a needs analysis's `eligibleByRegion`): the share is then exactly
     * eligiblePeople / historicalCaseload. Give this or `eligibilityBp`.
     */
    eligiblePeople: countSchema.optional(),
    /** Caseload forecast: growth in each contract year over the year before, in signed basis points (-250 = a 2.5% fall). */
    growthBpByYear: z
      .array(
        z
          .number()
          .int('expected whole basis points')
          .min(-BASIS_POINTS, 'expected growth of -10 000 basis points (-100%) or more')
          .max(BASIS_POINTS, 'expected growth of at most 10 000 basis points (+100%) a year'),
      )
      .min(1, 'expected growth for at least one contract year')
      .max(MAX_CONTRACT_YEARS, `expected at most ${MAX_CONTRACT_YEARS} contract years`)
      .readonly(),
    /** Named extra caseload, added to the forecast each year (not compounded). */
    extraDemand: z.array(extraDemandSchema).readonly().optional(),
    /** How eligible volumes become whole referrals (default `half-up`). */
    rounding: roundingModeSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.eligibilityBp === undefined) === (input.eligiblePeople === undefined)) {
      const message = 'expected exactly one of eligibilityBp (an assumed share) and eligiblePeople (counted from the caseload)';
      ctx.addIssue({ code: 'custom', path: [input.eligibilityBp === undefined ? 'eligibilityBp' : 'eligiblePeople'], message });
    }
    if (input.eligiblePeople !== undefined && input.eligiblePeople > input.historicalCaseload) {
      ctx.addIssue({ code: 'custom', path: ['eligiblePeople'], message: `expected at most the historical caseload (${input.historicalCaseload}): eligible people are part of it` });
    }
    const years = input.growthBpByYear.length;
    input.extraDemand?.forEach((extra, i) => {
      if (extra.casesByYear.length !== years) {
        ctx.addIssue({ code: 'custom', path: ['extraDemand', i, 'casesByYear'], message: `expected ${years} years of cases, one per contract year` });
      }
    });
  });
/** Input of {@link projectVolumes}. */
export type VolumeProjectionInput = z.input<typeof volumeProjectionInputSchema>;

/** One contract year of a projection, step by step. */
export interface ProjectedYear {
  /** Contract year, 1 for the first. */
  readonly year: number;
  /** Basis points of caseload growth applied this year. */
  readonly growthBp: number;
  /** Cases: historical caseload x the compounded growth to this year (exact, shown as a decimal). */
  readonly forecastCaseload: number;
  /** Cases added by each named source of extra demand. */
  readonly extraDemand: readonly { readonly name: string; readonly cases: number }[];
  /** Cases: forecast plus extra demand. */
  readonly caseload: number;
  /** Referrals: caseload x eligibility (the share, or eligiblePeople / historicalCaseload), before rounding (exact, shown as a decimal). */
  readonly eligibleVolume: number;
  /** Whole referrals: the eligible volume rounded once. */
  readonly volume: number;
}

/** A volume projection for each contract year. */
export interface VolumeProjection {
  readonly historicalCaseload: number;
  /**
   * Basis points of the caseload eligible: as given, or, from `eligiblePeople`, the exact share
   * rounded half-up to whole basis points for display (the arithmetic uses the exact share).
   */
  readonly eligibilityBp: number;
  /** Eligible people a year in the base year when given (the share is then counted, not assumed); `null` otherwise. */
  readonly eligiblePeople: number | null;
  readonly rounding: RoundingMode;
  readonly years: readonly ProjectedYear[];
  /** Whole referrals per contract year (the `volume` of each year). */
  readonly volumes: readonly number[];
  /** Referrals over all years. */
  readonly totalVolume: number;
}

const WHOLE = BigInt(BASIS_POINTS);

/**
 * Projects the eligible volume of a service for each contract year, exactly, rounding each year's
 * volume to whole referrals once (default `half-up`). The eligible share is an assumed
 * `eligibilityBp`, or `eligiblePeople` of the `historicalCaseload` counted from the caseload's needs
 * (exactly one of the two).
 *
 * @example
 * ```ts
 * const p = projectVolumes({
 *   historicalCaseload: 10_000, // cases in the base year
 *   eligibilityBp: 1_000, // 10% meet the eligibility criteria
 *   growthBpByYear: [200, 100], // caseload forecast: +2%, then +1%
 *   extraDemand: [{ name: 'more police officers', casesByYear: [50, 150] }],
 * });
 * // year 1: 10,000 x 1.02 = 10,200 + 50 = 10,250 cases x 10% = 1,025 referrals
 * // year 2: 10,200 x 1.01 = 10,302 + 150 = 10,452 cases x 10% = 1,045.2 -> 1,045
 * p.volumes; // [1025, 1045]
 * // or with the eligible people counted from the caseload's needs: 1,000 of 10,000 is the same 10%
 * projectVolumes({ historicalCaseload: 10_000, eligiblePeople: 1_000, growthBpByYear: [200, 100],
 *   extraDemand: [{ name: 'more police officers', casesByYear: [50, 150] }] }).volumes; // [1025, 1045]
 * ```
 */
export function projectVolumes(input: VolumeProjectionInput): VolumeProjection {
  return projectVolumesUnchecked(parseInput(volumeProjectionInputSchema, input, 'input'), 'input');
}

/** A year's volume as a count the contracts can take (at most 2^32 - 1, as `countSchema`), refused at `path` beyond. */
function referralCount(volume: number, path: string): number {
  if (volume > 0xffffffff) throw new WorkloadError('INVALID_INPUT', `${path}: this growth gives ${volume} referrals in a year, more than 4,294,967,295 (2^32 - 1)`, { path });
  return volume;
}

/**
 * Trusted core of {@link projectVolumes}: a parsed input, with a volume too large to hold exactly
 * reported under `name` (the caller's name for the input: `portfolio` for a day-one portfolio).
 */
export function projectVolumesUnchecked(i: z.output<typeof volumeProjectionInputSchema>, name: string): VolumeProjection {
  const rounding = i.rounding ?? 'half-up';
  const extras = i.extraDemand ?? [];
  const eligibility =
    i.eligiblePeople === undefined
      ? ratio(BigInt(i.eligibilityBp ?? 0), WHOLE)
      : i.historicalCaseload === 0
        ? ratio(0n)
        : ratio(BigInt(i.eligiblePeople), BigInt(i.historicalCaseload));
  let forecast: Rational = ratio(BigInt(i.historicalCaseload));
  const years = i.growthBpByYear.map((growthBp, index): ProjectedYear => {
    forecast = mul(forecast, ratio(WHOLE + BigInt(growthBp), WHOLE));
    const extraDemand = extras.map((extra) => ({ name: extra.name, cases: extra.casesByYear[index] ?? 0 }));
    const caseload = extraDemand.reduce((sum, extra) => add(sum, ratio(BigInt(extra.cases))), forecast);
    const eligible = mul(caseload, eligibility);
    return {
      year: index + 1,
      growthBp,
      forecastCaseload: toNumber(forecast),
      extraDemand,
      caseload: toNumber(caseload),
      eligibleVolume: toNumber(eligible),
      volume: referralCount(toSafeNumber(round(eligible, rounding), `${name}.growthBpByYear[${index}]`), `${name}.growthBpByYear[${index}]`),
    };
  });
  const volumes = years.map((y) => y.volume);
  return {
    historicalCaseload: i.historicalCaseload,
    eligibilityBp: toSafeNumber(round(mul(eligibility, ratio(WHOLE)), 'half-up'), `${name}.eligiblePeople`),
    eligiblePeople: i.eligiblePeople ?? null,
    rounding,
    years,
    volumes,
    totalVolume: sumExact(volumes, `${name}.growthBpByYear`),
  };
}
